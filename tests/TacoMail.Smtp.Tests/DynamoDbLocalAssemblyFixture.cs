using TacoMail.Testing.DynamoDb;

[assembly: AssemblyFixture(typeof(DynamoDbLocalFixture))]

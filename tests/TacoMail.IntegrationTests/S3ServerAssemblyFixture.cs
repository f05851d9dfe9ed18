using TacoMail.Testing.S3;

[assembly: AssemblyFixture(typeof(S3ServerFixture))]

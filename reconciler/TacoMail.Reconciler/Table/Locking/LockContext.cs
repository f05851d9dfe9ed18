using Amazon.DynamoDBv2;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>What a <see cref="TableLock"/> and its leases share.</summary>
internal sealed record LockContext(IAmazonDynamoDB Client, string TableName, LockOptions Options, TimeProvider TimeProvider);

using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1024L, "1.0 KB")]
    [InlineData(3_565_158L, "3.4 MB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5.0 GB")]
    public void Format_Bytes_UsesBinaryUnitsWithOneDecimal(long bytes, string expected) =>
        ByteSize.Format(bytes).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0 messages")]
    [InlineData(1, "1 message")]
    [InlineData(12, "12 messages")]
    public void Messages_Count_IsPluralisedInEnglish(int count, string expected) =>
        ByteSize.Messages(count).ShouldBe(expected);
}

using System.Net;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class SesV2AnswerTests
{
    [Fact]
    public void Read_Success_ReturnsTheMessageId()
    {
        var result = SesV2Answer.Read(HttpStatusCode.OK, null, """{"MessageId":"0100-abc"}""", "SendEmail");

        result.IsSent.ShouldBeTrue();
        result.MessageId.ShouldBe("0100-abc");
    }

    [Theory]
    [InlineData("MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/", "{\"message\":\"Email address is not verified.\"}")]
    [InlineData(null, "{\"__type\":\"com.amazonaws.sesv2#MessageRejected\",\"message\":\"Email address is not verified.\"}")]
    public void Read_MessageRejected_IsAPermanentRejection(string? errorType, string body)
    {
        var result = SesV2Answer.Read(HttpStatusCode.BadRequest, errorType, body, "SendEmail");

        result.IsSent.ShouldBeFalse();
        result.RejectionCode.ShouldBe("MessageRejected");
        result.RejectionMessage.ShouldBe("Email address is not verified.");
    }

    [Fact]
    public void Read_PayloadTooLarge_IsAPermanentRejection()
    {
        SesV2Answer.Read(HttpStatusCode.RequestEntityTooLarge, null, "", "SendEmail").RejectionCode.ShouldBe("PayloadTooLarge");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "LimitExceededException")]
    [InlineData(HttpStatusCode.BadRequest, "SendingPausedException")]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequestsException")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalFailure")]
    [InlineData(HttpStatusCode.ServiceUnavailable, null)]
    public void Read_ThrottlingServerOrAccountErrors_AreThrownForARetry(HttpStatusCode status, string? code)
    {
        var exception = Should.Throw<SesException>(() => SesV2Answer.Read(status, code, "{\"message\":\"try later\"}", "SendEmail"));

        exception.StatusCode.ShouldBe((int)status);
        exception.Code.ShouldBe(code);
    }
}

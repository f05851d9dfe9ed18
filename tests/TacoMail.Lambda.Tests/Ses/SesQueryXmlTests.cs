using System.Net;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Tests.Ses;

public sealed class SesQueryXmlTests
{
    [Fact]
    public void ReadResult_NoNamespace_ReadsElement()
    {
        var response = new SesHttpResponse(HttpStatusCode.OK, null,
            "<SendBounceResponse><SendBounceResult><MessageId> id-1 </MessageId></SendBounceResult></SendBounceResponse>");

        SesQueryXml.ReadResult(response, "SendBounce", "MessageId").ShouldBe("id-1");
    }

    [Theory]
    [InlineData("not xml")]
    [InlineData("<SendBounceResponse><SendBounceResult/></SendBounceResponse>")]
    [InlineData("<OtherResponse><OtherResult><MessageId>x</MessageId></OtherResult></OtherResponse>")]
    public void ReadResult_MissingMessageId_ThrowsWithStatus(string body)
    {
        var ex = Should.Throw<SesException>(() =>
            SesQueryXml.ReadResult(new SesHttpResponse(HttpStatusCode.OK, null, body), "SendBounce", "MessageId"));

        ex.StatusCode.ShouldBe(200);
        ex.Code.ShouldBeNull();
    }

    [Fact]
    public void ToException_HtmlFromProxy_KeepsStatusWithoutCode()
    {
        var ex = SesQueryXml.ToException(new SesHttpResponse(HttpStatusCode.BadGateway, null, "<html><body>bad"), "SendBounce");

        ex.StatusCode.ShouldBe(502);
        ex.Code.ShouldBeNull();
        ex.Message.ShouldContain("502");
    }

    [Fact]
    public void ToException_DocumentTypeDefinition_IsNotProcessed()
    {
        const string body = """
            <!DOCTYPE r [<!ENTITY e "Throttling">]>
            <ErrorResponse><Error><Code>&e;</Code></Error></ErrorResponse>
            """;

        SesQueryXml.ToException(new SesHttpResponse(HttpStatusCode.BadRequest, null, body), "SendBounce")
            .Code.ShouldBeNull();
    }
}

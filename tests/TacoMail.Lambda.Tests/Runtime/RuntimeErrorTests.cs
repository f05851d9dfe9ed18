using System.Text;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

public sealed class RuntimeErrorTests
{
    [Fact]
    public void FromException_ThrownException_TakesTypeNameMessageAndFrames()
    {
        var exception = Should.Throw<InvalidOperationException>(Thrower);

        var error = RuntimeError.FromException(exception);

        error.ErrorType.ShouldBe("InvalidOperationException");
        error.ErrorMessage.ShouldBe("the table is gone");
        error.StackTrace.ShouldNotBeEmpty();
        error.StackTrace.ShouldAllBe(frame => frame.StartsWith("at ", StringComparison.Ordinal));
        error.StackTrace.ShouldContain(frame => frame.Contains(nameof(Thrower), StringComparison.Ordinal));
    }

    [Fact]
    public void FromException_NeverThrownWithExplicitType_HasThatTypeAndNoFrames()
    {
        var error = RuntimeError.FromException(RuntimeErrorTypes.ConfigInvalid, new FormatException("bad"));

        error.ErrorType.ShouldBe("Runtime.ConfigInvalid");
        error.ErrorMessage.ShouldBe("bad");
        error.StackTrace.ShouldBeEmpty();
    }

    [Fact]
    public void ToUtf8Json_Error_IsLambdasErrorDocument()
    {
        var json = RuntimeErrorDocument.ToUtf8Json(new RuntimeError("Type", "line1\nline2", ["at X()"]));

        Encoding.UTF8.GetString(json).ShouldBe("""{"errorMessage":"line1\nline2","errorType":"Type","stackTrace":["at X()"]}""");
    }

    private static void Thrower() => throw new InvalidOperationException("the table is gone");
}

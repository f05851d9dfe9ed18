namespace TacoMail.Lambda.Hosting;

/// <summary>The help text of the one binary, listing the handlers it serves.</summary>
internal static class Usage
{
    public static string Text() =>
        $"""
            TacoMail Lambda: the SES receipt-rule handlers, as a Lambda custom runtime or a local command.

            Usage (bootstrap, or dotnet run --project lambda/TacoMail.Lambda --):
              (no arguments)                          Serve the Lambda Runtime API at {RuntimeVariableNames.RuntimeApi}
                                                      with the handler named by {RuntimeVariableNames.HandlerOverride} or {RuntimeVariableNames.Handler}.
              invoke --handler NAME --event FILE      Run a handler once on the event in FILE and print its response.
              --help                                  Show this help.

            Handlers: {string.Join(", ", HandlerNames.All)}

            Configuration comes from the same environment variables as in AWS (TACOMAIL_TABLE,
            TACOMAIL_MAIL_BUCKET, AWS_REGION, AWS_ENDPOINT_URL_*). The routing settings (bounce_sender,
            feedback_address, subaddress_separators, bounce_policy, spam_policy) are read from the
            table's settings item, which 'tacomail apply' writes from aliases/tacomail.yaml.
            Exit codes: 0 success, 1 error.

            """;
}

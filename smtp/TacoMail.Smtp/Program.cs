using TacoMail.Smtp.Cli;

return await SmtpApp.RunAsync(args).ConfigureAwait(false);

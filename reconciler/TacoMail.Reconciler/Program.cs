using TacoMail.Reconciler.Cli;

return await TacoMailApp.RunAsync(args);

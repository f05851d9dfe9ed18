var target = Argument("target", "help");
Task("help").Does(() => Information("targets: build test run"));
RunTarget(target);

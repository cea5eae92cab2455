using System.Reflection;
using System.Text.Json.Nodes;
using Charmarr.Demo;
using Charmarr.Ops.FakeJuju.Driver;
using Charmarr.Ops.FakeJuju.Model;

// Runs the sample charm's deploy story: each event is a real charm process, as Juju would start it, talking to
// strict fake hook tools that keep the unit's model. Prints every event, its hook-tool calls and the statuses.
var output = typeof(StoryPrinter).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .Single(a => a.Key == "SampleCharmOutput").Value!;
using var charm = new DotnetCharmDirectory(
    Path.Combine(output, "Charmarr.Ops.SampleCharm.dll"),
    Path.Combine(output, "charmcraft.yaml"));

var model = new FakeModel { UnitName = "sample/0" };
model.ConfigDefaults["greeting"] = "Hello";
model.ConfigDefaults["port"] = 8080;
using var unit = new FakeJujuUnit(charm.Path, model);
var printer = new StoryPrinter(Console.Out);

printer.Heading("juju deploy ./sample.charm");
printer.Print(unit.RunHook("install"));
unit.SetLeader(true);
printer.Print(unit.RunHook("leader-elected"));
printer.Print(unit.RunHook("config-changed"));

printer.Heading("juju integrate sample pg   (the database has not published its DSN yet)");
var db = unit.AddRelation("db", "pg", "pg/0");
printer.Print(unit.RunHook("db-relation-created", db));
printer.Print(unit.RunHook("db-relation-joined", db, "pg/0"));
printer.Print(unit.RunHook("db-relation-changed", db, "pg/0"));

printer.Heading("pg publishes dsn=postgresql://pg/sample");
unit.SetRemoteAppData(db, "dsn", "postgresql://pg/sample");
printer.Print(unit.RunHook("db-relation-changed", db, "pg/0"));

printer.Heading("juju config sample port=70000   (a mistake the operator can fix)");
unit.SetConfig("port", 70000);
printer.Print(unit.RunHook("config-changed"));
unit.SetConfig("port", 9090);
printer.Heading("juju config sample port=9090");
printer.Print(unit.RunHook("config-changed"));

printer.Heading("juju run sample/0 greet name=Ada excited=true");
printer.Print(unit.RunAction("greet", new JsonObject { ["name"] = "Ada", ["excited"] = true }));

var rejected = unit.AllCalls.Count(c => c.ExitCode != 0);
Console.WriteLine();
Console.WriteLine($"{unit.AllCalls.Count} hook-tool calls, {rejected} rejected by the strict fake Juju.");
return rejected == 0 ? 0 : 1;

using Charmarr.Ops.Hosting;
using Charmling;

// Juju runs this once per event; it handles the event and exits.
return await CharmlingApp.Configure(CharmApp.CreateBuilder(args))
    .Build<CharmlingCharm>()
    .RunAsync();

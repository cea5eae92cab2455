using Charmarr.MediaStorageStandIn;
using Charmarr.Ops.Hosting;

return await CharmApp.CreateBuilder(args)
    .Build<StandInCharm>()
    .RunAsync();

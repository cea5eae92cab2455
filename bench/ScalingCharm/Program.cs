using Charmarr.Bench.ScalingCharm;
using Charmarr.Ops.Hosting;

return await CharmApp.CreateBuilder(args)
    .Build<ScalingCharm>()
    .RunAsync();

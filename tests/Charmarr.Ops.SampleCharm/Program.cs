using Charmarr.Ops.Hosting;
using Charmarr.Ops.SampleCharm;

return await SampleApp.Configure(CharmApp.CreateBuilder(args))
    .Build<SampleCharm>()
    .RunAsync();

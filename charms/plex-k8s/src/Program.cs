using Charmarr.Ops.Hosting;
using Charmarr.PlexK8s;

return await PlexApp.Configure(CharmApp.CreateBuilder(args)).Build<PlexCharm>().RunAsync();

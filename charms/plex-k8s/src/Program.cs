using Charmarr.Ops.Hosting;
using Charmarr.PlexK8s;

return await CharmApp.CreateBuilder(args).Build<PlexCharm>().RunAsync();

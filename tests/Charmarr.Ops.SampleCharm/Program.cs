using Charmarr.Ops.Hosting;
using Charmarr.Ops.SampleCharm;
using Microsoft.Extensions.DependencyInjection;

return await CharmApp.CreateBuilder(args)
    .ConfigureServices(services => services.AddSingleton<IGreeter, Greeter>())
    .Build<SampleCharm>()
    .RunAsync();

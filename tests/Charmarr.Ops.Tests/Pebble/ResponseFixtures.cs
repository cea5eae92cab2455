namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Results as a real Pebble sends them (the shapes of reference §2 and ops' test_pebble.py fixtures).</summary>
internal static class ResponseFixtures
{
    public const string Services = """
        [{"name":"aux","startup":"disabled","current":"backoff"},
         {"name":"plex","startup":"enabled","current":"active","current-since":"2024-01-02T03:04:05.123456789+02:00"},
         {"name":"new","startup":"enabled","current":"starting-soon"}]
        """;

    public const string Change = """
        {"id":"70","kind":"autostart","summary":"Autostart service \"svc\"","status":"Error",
         "tasks":[{"id":"78","kind":"start","summary":"Start service \"svc\"","status":"Error",
                   "log":["2021-02-25T03:00:00.5Z ERROR cannot start service: exited quickly with code 1"],
                   "progress":{"label":"","done":1,"total":1},
                   "spawn-time":"2021-02-25T02:59:59.123456789Z","ready-time":"2021-02-25T03:00:00.5Z",
                   "data":{"exit-code":3,"nested":{"a":[1,2]}}}],
         "ready":true,"err":"cannot perform the following tasks:\n- Start service \"svc\" (cannot start service: exited quickly with code 1)",
         "spawn-time":"2021-02-25T02:59:59.123456789+13:00","ready-time":"2021-02-25T03:00:00Z","data":{"service-names":["svc"]}}
        """;

    public const string Checks = """
        [{"name":"chk1","startup":"enabled","status":"up","successes":4,"threshold":3,"change-id":"1"},
         {"name":"chk2","level":"alive","startup":"disabled","status":"inactive","failures":5,"threshold":3},
         {"name":"old","level":"ready","status":"down","failures":3,"threshold":1}]
        """;

    public const string Files = """
        [{"path":"/etc/hosts","name":"hosts","type":"file","size":123,"permissions":"644","last-modified":"2021-01-28T14:37:04Z","user-id":0,"user":"root","group-id":0,"group":"root"},
         {"path":"/etc/nginx","name":"nginx","type":"directory","permissions":"755","last-modified":"2020-01-01T01:01:01.000000Z","user-id":1000,"user":"","group-id":null,"group":""},
         {"path":"/etc/odd","name":"odd","type":"whiteout","permissions":"4755","last-modified":"2020-01-01T01:01:01Z","user":"","group":""}]
        """;

    public const string Notice = """
        {"id":"3","user-id":1000,"type":"custom","key":"example.com/a","first-occurred":"2023-12-07T17:01:02.123456789Z",
         "last-occurred":"2023-12-07T17:01:03.123456789Z","last-repeated":"2023-12-07T17:01:04.123456789Z","occurrences":7,
         "last-data":{"k1":"v1","k2":"v2"},"repeat-after":"1h0m0s","expire-after":"168h0m0s"}
        """;

    public const string Notices = "[" + Notice + """
        ,{"id":"4","user-id":null,"type":"warning","key":"disk full","first-occurred":"2023-12-07T17:01:02Z",
          "last-occurred":"2023-12-07T17:01:02Z","last-repeated":"2023-12-07T17:01:02Z","occurrences":1}]
        """;

    public const string Identities = """
        {"bob":{"access":"admin","local":{"user-id":1000}},
         "web":{"access":"metrics","basic":{"password":"*****"}},
         "tls":{"access":"read","cert":{"pem":"*****"}}}
        """;

    public const string Logs = """
        {"time":"2023-03-08T09:55:11.123456789Z","service":"plex","message":"Starting Plex"}
        {"time":"2023-03-08T09:55:12Z","service":"aux","message":"{\"json\": true}"}

        """;
}

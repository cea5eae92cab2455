using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

public sealed class StatefulSetStoreTests
{
    [Fact]
    public void Put_gives_a_new_resource_version_and_keeps_the_generation()
    {
        var store = new StatefulSetStore();
        var statefulSet = JujuStatefulSet.Load();

        store.Put(statefulSet);
        var first = store.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name)!;
        store.Put(statefulSet);
        var second = store.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name)!;

        Assert.NotEqual((string?)first["metadata"]!["resourceVersion"], (string?)second["metadata"]!["resourceVersion"]);
        Assert.NotEqual("48213", (string?)first["metadata"]!["resourceVersion"]);
        Assert.Equal(1, (int)second["metadata"]!["generation"]!);
    }

    [Fact]
    public void Put_sets_generation_1_when_there_is_none()
    {
        var store = new StatefulSetStore();

        store.Put("""{"metadata":{"name":"a","namespace":"m"},"spec":{}}""");

        Assert.Equal(1, (int)store.Get("m", "a")!["metadata"]!["generation"]!);
    }

    [Fact]
    public void A_spec_change_after_a_Put_without_generation_makes_it_2()
    {
        var store = new StatefulSetStore();
        store.Put("""{"metadata":{"name":"a","namespace":"m"},"spec":{}}""");
        var changed = store.Get("m", "a")!;
        changed["spec"]!["replicas"] = 2;

        var committed = store.Commit("m", "a", changed);

        Assert.Equal(2, (long)committed["metadata"]!["generation"]!);
    }

    [Fact]
    public void Get_hands_out_a_copy()
    {
        var store = new StatefulSetStore();
        store.Put(JujuStatefulSet.Load());

        store.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name)!["spec"]!["replicas"] = 5;

        Assert.Equal(1, (int)store.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name)!["spec"]!["replicas"]!);
    }

    [Fact]
    public void Put_refuses_a_StatefulSet_without_name_or_namespace()
    {
        var store = new StatefulSetStore();

        Assert.Throws<ArgumentException>(() => store.Put("""{"metadata":{"name":"a"}}"""));
        Assert.Throws<ArgumentException>(() => store.Put(new JsonObject()));
    }

    [Fact]
    public void Remove_deletes_and_says_whether_there_was_one()
    {
        var store = new StatefulSetStore();
        store.Put(JujuStatefulSet.Load());

        Assert.True(store.Remove(JujuStatefulSet.Namespace, JujuStatefulSet.Name));
        Assert.False(store.Remove(JujuStatefulSet.Namespace, JujuStatefulSet.Name));
        Assert.Null(store.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name));
    }
}

using System.Text;
using System.Text.Json;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Persistence;

/// The files that hold the fake controller's state; every access happens under an exclusive file lock,
/// which also serialises tool calls the way the real agent does.
public sealed class StateDirectory
{
    private static readonly FakeJujuJsonContext CompactJson =
        new(new JsonSerializerOptions(FakeJujuJsonContext.Default.Options) { WriteIndented = false });

    public StateDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
    private string ModelFile => System.IO.Path.Combine(Path, "model.json");
    private string PendingFile => System.IO.Path.Combine(Path, "pending.json");
    private string ContextFile => System.IO.Path.Combine(Path, "context-id");
    private string CallsFile => System.IO.Path.Combine(Path, "calls.jsonl");
    private string LockFile => System.IO.Path.Combine(Path, "lock");

    public IDisposable Lock()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
        }
    }

    public FakeModel LoadModel() =>
        File.Exists(ModelFile)
            ? JsonSerializer.Deserialize(File.ReadAllText(ModelFile), FakeJujuJsonContext.Default.FakeModel) ?? new FakeModel()
            : new FakeModel();

    public void SaveModel(FakeModel model) =>
        WriteAtomically(ModelFile, JsonSerializer.Serialize(model, FakeJujuJsonContext.Default.FakeModel));

    public PendingChanges LoadPending() =>
        File.Exists(PendingFile)
            ? JsonSerializer.Deserialize(File.ReadAllText(PendingFile), FakeJujuJsonContext.Default.PendingChanges) ?? new PendingChanges()
            : new PendingChanges();

    public void SavePending(PendingChanges pending) =>
        WriteAtomically(PendingFile, JsonSerializer.Serialize(pending, FakeJujuJsonContext.Default.PendingChanges));

    public void DiscardPending() => File.Delete(PendingFile);

    public string? ActiveContextId => File.Exists(ContextFile) ? File.ReadAllText(ContextFile) : null;

    public void SetActiveContext(string? contextId)
    {
        if (contextId is null)
        {
            File.Delete(ContextFile);
        }
        else
        {
            File.WriteAllText(ContextFile, contextId);
        }
    }

    public void AppendCall(ToolCall call)
    {
        var line = JsonSerializer.Serialize(call, CompactJson.ToolCall) + "\n";
        File.AppendAllText(CallsFile, line, Encoding.UTF8);
    }

    public IReadOnlyList<ToolCall> ReadCalls()
    {
        if (!File.Exists(CallsFile))
        {
            return [];
        }
        return File.ReadAllLines(CallsFile)
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize(l, CompactJson.ToolCall)!)
            .ToList();
    }

    private static void WriteAtomically(string file, string text)
    {
        var temp = file + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, file, overwrite: true);
    }
}

// exchcert's session runner: one persistent runspace driven by JSON-line frames on stdin/stdout (C# 5, so Windows
// PowerShell 5.1 compiles it too). Frames in: run, answer, stop, exit. Frames out: ready, prompt, host, result, fatal.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Text;
using System.Threading;

namespace Exchcert
{
    /// <summary>A tiny JSON reader for the frames Node sends (objects, arrays, strings, numbers, literals).</summary>
    public static class Json
    {
        public static object Parse(string text)
        {
            int i = 0;
            object v = Value(text, ref i);
            return v;
        }

        static void Skip(string s, ref int i) { while (i < s.Length && char.IsWhiteSpace(s[i])) i++; }

        static object Value(string s, ref int i)
        {
            Skip(s, ref i);
            if (i >= s.Length) throw new FormatException("unexpected end of frame");
            char c = s[i];
            if (c == '{')
            {
                var o = new Dictionary<string, object>();
                i++;
                Skip(s, ref i);
                if (s[i] == '}') { i++; return o; }
                while (true)
                {
                    Skip(s, ref i);
                    string k = Str(s, ref i);
                    Skip(s, ref i);
                    if (s[i] != ':') throw new FormatException("expected :");
                    i++;
                    o[k] = Value(s, ref i);
                    Skip(s, ref i);
                    if (s[i] == ',') { i++; continue; }
                    if (s[i] == '}') { i++; return o; }
                    throw new FormatException("expected , or }");
                }
            }
            if (c == '[')
            {
                var a = new List<object>();
                i++;
                Skip(s, ref i);
                if (s[i] == ']') { i++; return a; }
                while (true)
                {
                    a.Add(Value(s, ref i));
                    Skip(s, ref i);
                    if (s[i] == ',') { i++; continue; }
                    if (s[i] == ']') { i++; return a; }
                    throw new FormatException("expected , or ]");
                }
            }
            if (c == '"') return Str(s, ref i);
            if (s.Substring(i).StartsWith("true")) { i += 4; return true; }
            if (s.Substring(i).StartsWith("false")) { i += 5; return false; }
            if (s.Substring(i).StartsWith("null")) { i += 4; return null; }
            int start = i;
            while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) i++;
            return double.Parse(s.Substring(start, i - start), CultureInfo.InvariantCulture);
        }

        static string Str(string s, ref int i)
        {
            if (s[i] != '"') throw new FormatException("expected string");
            i++;
            var b = new StringBuilder();
            while (s[i] != '"')
            {
                char c = s[i++];
                if (c != '\\') { b.Append(c); continue; }
                char e = s[i++];
                switch (e)
                {
                    case 'n': b.Append('\n'); break;
                    case 'r': b.Append('\r'); break;
                    case 't': b.Append('\t'); break;
                    case 'b': b.Append('\b'); break;
                    case 'f': b.Append('\f'); break;
                    case 'u': b.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.HexNumber)); i += 4; break;
                    default: b.Append(e); break;
                }
            }
            i++;
            return b.ToString();
        }
    }

    /// <summary>Writes JSON: strings escaped to ASCII-safe form where needed, .NET values tagged (@d date, @b bytes, @t/@p object).</summary>
    public sealed class JsonWriter
    {
        readonly StringBuilder b = new StringBuilder();
        public const int MaxDepth = 2;

        public override string ToString() { return b.ToString(); }
        public JsonWriter Raw(string s) { b.Append(s); return this; }

        public JsonWriter Str(string s)
        {
            if (s == null) { b.Append("null"); return this; }
            b.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    case '\n': b.Append("\\n"); break;
                    case '\r': b.Append("\\r"); break;
                    case '\t': b.Append("\\t"); break;
                    default:
                        // Control characters, line separators and surrogates (a lone one must survive) as \u escapes.
                        if (c < 0x20 || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) || c == '\u001b') b.Append("\\u").Append(((int)c).ToString("x4"));
                        else b.Append(c);
                        break;
                }
            }
            b.Append('"');
            return this;
        }

        public JsonWriter Value(object value, int depth)
        {
            if (value == null) { b.Append("null"); return this; }
            PSObject pso = value as PSObject;
            object v = pso != null ? pso.BaseObject : value;
            if (v == null) { b.Append("null"); return this; }
            if (v is string || v is char) return Str(v.ToString());
            if (v is bool) { b.Append((bool)v ? "true" : "false"); return this; }
            if (v is int || v is long || v is short || v is byte || v is sbyte || v is ushort || v is uint || v is ulong || v is decimal)
            {
                b.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
                return this;
            }
            if (v is double || v is float)
            {
                double d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d)) return Str(d.ToString(CultureInfo.InvariantCulture));
                b.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return this;
            }
            if (v is DateTime)
            {
                b.Append("{\"@d\":");
                Str(((DateTime)v).ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                b.Append('}');
                return this;
            }
            if (v is DateTimeOffset)
            {
                b.Append("{\"@d\":");
                Str(((DateTimeOffset)v).UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                b.Append('}');
                return this;
            }
            if (v is byte[])
            {
                b.Append("{\"@b\":");
                Str(Convert.ToBase64String((byte[])v));
                b.Append('}');
                return this;
            }
            if (v is Enum) return Str(v.ToString());
            if (v is SecureString) return Str("System.Security.SecureString");
            if (v is ScriptBlock) return Str(v.ToString());
            if (v is ErrorRecord) return Str(((ErrorRecord)v).ToString());
            if (v is PSCustomObject && pso == null) return Str(value.ToString());
            // An Oid and an extension are small values the typed certificate needs at any depth (Extensions[].Oid,
            // PublicKey.Oid); objects a script built ([pscustomobject], no costly getters) get two levels more.
            var oid = v as System.Security.Cryptography.Oid;
            if (oid != null)
            {
                b.Append("{\"@t\":[\"System.Security.Cryptography.Oid\"],\"@p\":{\"FriendlyName\":");
                Str(oid.FriendlyName).Raw(",\"Value\":").Str(oid.Value).Raw("}}");
                return this;
            }
            var extension = v as System.Security.Cryptography.X509Certificates.X509Extension;
            if (extension != null && depth >= MaxDepth)
            {
                b.Append("{\"@t\":[");
                Str(v.GetType().FullName).Raw("],\"@p\":{\"Oid\":");
                Value(extension.Oid, depth + 1).Raw(",\"Critical\":").Raw(extension.Critical ? "true" : "false").Raw("}}");
                return this;
            }
            if (depth >= (v is PSCustomObject ? MaxDepth + 2 : MaxDepth)) return Str(SafeToString(value));
            IDictionary dict = v as IDictionary;
            if (dict != null)
            {
                b.Append("{\"@h\":{");
                bool first = true;
                foreach (DictionaryEntry e in dict)
                {
                    if (!first) b.Append(',');
                    first = false;
                    Str(Convert.ToString(e.Key, CultureInfo.InvariantCulture));
                    b.Append(':');
                    Value(e.Value, depth + 1);
                }
                b.Append("}}");
                return this;
            }
            IEnumerable list = v as IEnumerable;
            if (list != null)
            {
                b.Append('[');
                bool first = true;
                foreach (object item in list)
                {
                    if (!first) b.Append(',');
                    first = false;
                    Value(item, depth + 1);
                }
                b.Append(']');
                return this;
            }
            return Object(pso ?? PSObject.AsPSObject(v), depth);
        }

        static string SafeToString(object o)
        {
            try { return o.ToString(); } catch (Exception) { return ""; }
        }

        // Properties that threw once per type (a script property naming a type pwsh lacks) are not asked again: a
        // throwing getter costs milliseconds and never gives a value.
        static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> failing =
            new ConcurrentDictionary<string, ConcurrentDictionary<string, bool>>();

        JsonWriter Object(PSObject o, int depth)
        {
            string typeKey = o.TypeNames.Count > 0 ? o.TypeNames[0] : "";
            var skip = failing.GetOrAdd(typeKey, delegate(string k) { return new ConcurrentDictionary<string, bool>(); });
            b.Append("{\"@t\":[");
            bool first = true;
            foreach (string t in o.TypeNames)
            {
                if (!first) b.Append(',');
                first = false;
                Str(t);
            }
            b.Append("],\"@p\":{");
            first = true;
            foreach (PSPropertyInfo p in o.Properties)
            {
                if (!p.IsGettable || skip.ContainsKey(p.Name)) continue;
                object pv;
                try { pv = p.Value; } catch (Exception) { skip[p.Name] = true; continue; }
                if (!first) b.Append(',');
                first = false;
                Str(p.Name);
                b.Append(':');
                Value(pv, depth + 1);
            }
            b.Append("}}");
            return this;
        }
    }

    /// <summary>One call's frame sink plus the answers Node sends back.</summary>
    public sealed class Channel
    {
        readonly TextWriter output;
        readonly object gate = new object();
        public readonly BlockingCollection<Dictionary<string, object>> Answers = new BlockingCollection<Dictionary<string, object>>();
        public CancellationTokenSource CallCancel = new CancellationTokenSource();
        public double CallId;
        int promptSeq;

        public Channel(TextWriter output) { this.output = output; }

        public void Send(string frame)
        {
            lock (gate)
            {
                output.Write(frame);
                output.Write('\n');
                output.Flush();
            }
        }

        /// <summary>Sends a prompt frame and waits for its answer (null: nobody can answer).</summary>
        public Dictionary<string, object> Ask(string kind, string caption, string message, IList<string> choices, int defaultChoice)
        {
            int id = Interlocked.Increment(ref promptSeq);
            var w = new JsonWriter();
            w.Raw("{\"t\":\"prompt\",\"id\":" + id + ",\"call\":" + CallId.ToString(CultureInfo.InvariantCulture) + ",\"kind\":").Str(kind);
            w.Raw(",\"caption\":").Str(caption ?? "").Raw(",\"message\":").Str(message ?? "").Raw(",\"choices\":[");
            for (int i = 0; choices != null && i < choices.Count; i++) { if (i > 0) w.Raw(","); w.Str(choices[i]); }
            w.Raw("],\"default\":" + defaultChoice + "}");
            Send(w.ToString());
            while (true)
            {
                Dictionary<string, object> a;
                try { a = Answers.Take(CallCancel.Token); } catch (OperationCanceledException) { return null; }
                object aid;
                if (a.TryGetValue("id", out aid) && Convert.ToInt32(aid, CultureInfo.InvariantCulture) == id) return a;
            }
        }
    }

    public sealed class RunnerHostUI : PSHostUserInterface
    {
        const string NonInteractive = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";
        readonly Channel channel;
        public readonly StringBuilder HostText = new StringBuilder();

        public RunnerHostUI(Channel channel) { this.channel = channel; }

        public override PSHostRawUserInterface RawUI { get { return null; } }

        void HostWrite(string text)
        {
            lock (HostText) HostText.Append(text);
            var w = new JsonWriter();
            w.Raw("{\"t\":\"host\",\"call\":" + channel.CallId.ToString(CultureInfo.InvariantCulture) + ",\"text\":").Str(text).Raw("}");
            channel.Send(w.ToString());
        }

        public override void Write(string value) { HostWrite(value); }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { HostWrite(value); }
        public override void WriteLine(string value) { HostWrite(value + "\n"); }
        public override void WriteErrorLine(string value) { HostWrite(value + "\n"); }
        // Warning, verbose and debug records are taken from their streams; the host shows nothing twice.
        public override void WriteDebugLine(string message) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine()
        {
            var a = channel.Ask("line", "", "", null, -1);
            object text;
            if (a == null || !a.TryGetValue("text", out text) || text == null) throw new PromptingException(NonInteractive);
            return (string)text;
        }

        public override SecureString ReadLineAsSecureString()
        {
            var a = channel.Ask("secure", "", "", null, -1);
            object text;
            if (a == null || !a.TryGetValue("text", out text) || text == null) throw new PromptingException(NonInteractive);
            var s = new SecureString();
            foreach (char c in (string)text) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            // Read-Host -Prompt arrives here with one field.
            var result = new Dictionary<string, PSObject>();
            foreach (var d in descriptions)
            {
                bool secure = d.ParameterTypeFullName == typeof(SecureString).FullName;
                var a = channel.Ask(secure ? "secure" : "line", caption, d.Name, null, -1);
                object text;
                if (a == null || !a.TryGetValue("text", out text) || text == null) throw new PromptingException(NonInteractive);
                if (secure)
                {
                    var s = new SecureString();
                    foreach (char c in (string)text) s.AppendChar(c);
                    s.MakeReadOnly();
                    result[d.Name] = PSObject.AsPSObject(s);
                }
                else result[d.Name] = PSObject.AsPSObject((string)text);
            }
            return result;
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        {
            throw new PromptingException(NonInteractive);
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        {
            throw new PromptingException(NonInteractive);
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            var labels = new List<string>();
            foreach (var c in choices) labels.Add(c.Label);
            var a = channel.Ask("choice", caption, message, labels, defaultChoice);
            object answer;
            if (a == null || !a.TryGetValue("value", out answer) || answer == null) throw new PromptingException(NonInteractive);
            string key = ((string)answer).ToUpperInvariant();
            for (int i = 0; i < labels.Count; i++)
            {
                int amp = labels[i].IndexOf('&');
                string hot = amp >= 0 && amp + 1 < labels[i].Length ? labels[i].Substring(amp + 1, 1).ToUpperInvariant() : labels[i].Substring(0, 1).ToUpperInvariant();
                if (hot == key) return i;
            }
            throw new PromptingException("The answer '" + answer + "' is not one of the prompt's choices.");
        }
    }

    public sealed class RunnerHost : PSHost
    {
        readonly Guid id = Guid.NewGuid();
        readonly RunnerHostUI ui;
        public RunnerHost(RunnerHostUI ui) { this.ui = ui; }
        public override CultureInfo CurrentCulture { get { return Thread.CurrentThread.CurrentCulture; } }
        public override CultureInfo CurrentUICulture { get { return Thread.CurrentThread.CurrentUICulture; } }
        public override Guid InstanceId { get { return id; } }
        public override string Name { get { return "exchcert"; } }
        public override PSHostUserInterface UI { get { return ui; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override void EnterNestedPrompt() { throw new NotSupportedException("Nested prompts are not available in an exchcert session."); }
        public override void ExitNestedPrompt() { throw new NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public static class Runner
    {
        static Channel channel;
        static Runspace runspace;
        static RunnerHostUI ui;
        static volatile PowerShell current;
        static readonly BlockingCollection<Dictionary<string, object>> runs = new BlockingCollection<Dictionary<string, object>>();

        public static void Main()
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            stdout.NewLine = "\n";
            var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            // Nothing a script writes to the console may reach the frame stream or steal frames from it.
            Console.SetOut(Console.Error);
            Console.SetIn(TextReader.Null);
            channel = new Channel(stdout);
            ui = new RunnerHostUI(channel);
            runspace = RunspaceFactory.CreateRunspace(new RunnerHost(ui), InitialSessionState.CreateDefault2());
            // One pipeline thread for the session's life: the default starts a new thread per call, which cost most of
            // the transport's overhead per call (milliseconds on a loaded machine).
            runspace.ThreadOptions = PSThreadOptions.ReuseThread;
            runspace.Open();
            using (var init = PowerShell.Create())
            {
                init.Runspace = runspace;
                init.AddScript("if ($null -ne (Get-Variable -Name PSStyle -ErrorAction Ignore)) { $PSStyle.OutputRendering = 'PlainText' }; $ProgressPreference = 'SilentlyContinue'");
                init.Invoke();
            }
            var reader = new Thread(() => ReadFrames(stdin));
            reader.IsBackground = true;
            reader.Start();
            var ready = new JsonWriter();
            ready.Raw("{\"t\":\"ready\",\"version\":").Str(Version()).Raw(",\"pid\":" + Process.GetCurrentProcess().Id + "}");
            channel.Send(ready.ToString());
            foreach (var frame in runs.GetConsumingEnumerable())
            {
                string result;
                try { result = Run(frame); }
                catch (Exception e)
                {
                    var w = new JsonWriter();
                    w.Raw("{\"t\":\"fatal\",\"id\":" + Id(frame) + ",\"message\":").Str(e.ToString()).Raw("}");
                    result = w.ToString();
                }
                channel.Send(result);
            }
        }

        static bool IsFormatData(PSObject o)
        {
            return o != null && o.BaseObject != null &&
                o.BaseObject.GetType().Namespace == "Microsoft.PowerShell.Commands.Internal.Format";
        }

        /// <summary>Format-Table/-List output as the console shows it (120 wide): each run of format objects as Out-String's lines.</summary>
        static PSDataCollection<PSObject> RenderFormatData(PSDataCollection<PSObject> output)
        {
            bool any = false;
            foreach (var o in output) if (IsFormatData(o)) { any = true; break; }
            if (!any) return output;
            var rendered = new PSDataCollection<PSObject>();
            var run = new List<PSObject>();
            Action flush = () =>
            {
                if (run.Count == 0) return;
                using (var ps = PowerShell.Create())
                {
                    ps.Runspace = runspace;
                    ps.AddCommand("Out-String").AddParameter("Stream").AddParameter("Width", 120);
                    foreach (var line in ps.Invoke(run)) rendered.Add(line);
                }
                run.Clear();
            };
            foreach (var o in output)
            {
                if (IsFormatData(o)) { run.Add(o); continue; }
                flush();
                rendered.Add(o);
            }
            flush();
            return rendered;
        }

        static string Version()
        {
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                ps.AddScript("$PSVersionTable.PSVersion.ToString()");
                var r = ps.Invoke();
                return r.Count > 0 ? r[0].ToString() : "";
            }
        }

        static string Id(Dictionary<string, object> frame)
        {
            object id;
            return frame.TryGetValue("id", out id) ? Convert.ToDouble(id, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : "0";
        }

        static void ReadFrames(TextReader stdin)
        {
            try
            {
                string line;
                while ((line = stdin.ReadLine()) != null)
                {
                    if (line.Length == 0) continue;
                    Dictionary<string, object> frame;
                    try { frame = (Dictionary<string, object>)Json.Parse(line); } catch (Exception) { continue; }
                    object t;
                    frame.TryGetValue("t", out t);
                    switch (t as string)
                    {
                        case "run": runs.Add(frame); break;
                        case "answer": channel.Answers.Add(frame); break;
                        case "stop":
                            object sid;
                            if (frame.TryGetValue("id", out sid) && Convert.ToDouble(sid, CultureInfo.InvariantCulture) != channel.CallId) break;
                            channel.CallCancel.Cancel();
                            var ps = current;
                            if (ps != null) ps.BeginStop(null, null);
                            break;
                        case "exit": Environment.Exit(0); break;
                    }
                }
            }
            catch (Exception) { }
            // Node went away: nobody can read what this session does any more.
            Environment.Exit(0);
        }

        static string Run(Dictionary<string, object> frame)
        {
            var watch = Stopwatch.StartNew();
            string id = Id(frame);
            channel.CallId = double.Parse(id, CultureInfo.InvariantCulture);
            channel.CallCancel = new CancellationTokenSource();
            while (channel.Answers.Count > 0) { Dictionary<string, object> stale; channel.Answers.TryTake(out stale); }
            lock (ui.HostText) ui.HostText.Length = 0;
            string text = (string)frame["text"];
            object pathValue;
            frame.TryGetValue("path", out pathValue);
            string path = pathValue as string;
            var names = new List<string>();
            var output = new PSDataCollection<PSObject>();
            var errors = new List<ErrorRecord>();
            ErrorRecord terminating = null;
            bool stopped = false;
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                object vars;
                if (frame.TryGetValue("secrets", out vars) && vars is Dictionary<string, object>)
                {
                    foreach (var kv in (Dictionary<string, object>)vars)
                    {
                        var s = new SecureString();
                        foreach (char c in (string)kv.Value) s.AppendChar(c);
                        s.MakeReadOnly();
                        runspace.SessionStateProxy.SetVariable(kv.Key, s);
                        names.Add(kv.Key);
                    }
                }
                if (frame.TryGetValue("vars", out vars) && vars is Dictionary<string, object>)
                {
                    foreach (var kv in (Dictionary<string, object>)vars)
                    {
                        runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
                        names.Add(kv.Key);
                    }
                }
                try
                {
                    if (path != null)
                    {
                        // `run FILE`: the text runs as that script (its own scope, $PSScriptRoot and $PSCommandPath set).
                        Token[] tokens;
                        ParseError[] parseErrors;
                        var ast = Parser.ParseInput(text, path, out tokens, out parseErrors);
                        if (parseErrors.Length > 0) throw new ParseException(parseErrors);
                        ps.AddScript("& $args[0]").AddArgument(ast.GetScriptBlock());
                    }
                    else ps.AddScript(text, false);
                    current = ps;
                    ps.Invoke(null, output);
                }
                catch (RuntimeException e)
                {
                    if (e is PipelineStoppedException) stopped = true;
                    else terminating = e.ErrorRecord;
                }
                catch (Exception e)
                {
                    terminating = new ErrorRecord(e, e.GetType().Name, ErrorCategory.NotSpecified, null);
                }
                finally
                {
                    current = null;
                    foreach (var n in names) runspace.SessionStateProxy.PSVariable.Remove(n);
                }
                if (ps.InvocationStateInfo.State == PSInvocationState.Stopped) stopped = true;
                foreach (var e in ps.Streams.Error) errors.Add(e);
                output = RenderFormatData(output);
                var w = new JsonWriter();
                w.Raw("{\"t\":\"result\",\"id\":" + id + ",\"stopped\":" + (stopped ? "true" : "false") + ",\"output\":[");
                for (int i = 0; i < output.Count; i++) { if (i > 0) w.Raw(","); w.Value(output[i], 0); }
                w.Raw("],\"errors\":[");
                bool first = true;
                foreach (var e in errors) { if (!first) w.Raw(","); first = false; WriteError(w, e, false); }
                if (terminating != null && !errors.Contains(terminating)) { if (!first) w.Raw(","); WriteError(w, terminating, true); }
                w.Raw("],\"warnings\":[");
                first = true;
                foreach (var r in ps.Streams.Warning) { if (!first) w.Raw(","); first = false; w.Str(r.Message); }
                w.Raw("],\"verbose\":[");
                first = true;
                foreach (var r in ps.Streams.Verbose) { if (!first) w.Raw(","); first = false; w.Str(r.Message); }
                w.Raw("],\"debug\":[");
                first = true;
                foreach (var r in ps.Streams.Debug) { if (!first) w.Raw(","); first = false; w.Str(r.Message); }
                w.Raw("],\"information\":[");
                first = true;
                foreach (var r in ps.Streams.Information)
                {
                    if (!first) w.Raw(",");
                    first = false;
                    w.Raw("{\"message\":").Str(r.MessageData == null ? "" : r.MessageData.ToString()).Raw(",\"tags\":[");
                    for (int i = 0; i < r.Tags.Count; i++) { if (i > 0) w.Raw(","); w.Str(r.Tags[i]); }
                    w.Raw("]}");
                }
                string hostText;
                lock (ui.HostText) hostText = ui.HostText.ToString();
                w.Raw("],\"host\":").Str(hostText);
                w.Raw(",\"ms\":" + watch.Elapsed.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture) + "}");
                return w.ToString();
            }
        }

        static void WriteError(JsonWriter w, ErrorRecord e, bool terminating)
        {
            var info = e.InvocationInfo;
            string message = e.ErrorDetails != null && !string.IsNullOrEmpty(e.ErrorDetails.Message) ? e.ErrorDetails.Message : e.Exception.Message;
            w.Raw("{\"message\":").Str(message);
            w.Raw(",\"category\":").Str(e.CategoryInfo.Category.ToString());
            w.Raw(",\"fullyQualifiedErrorId\":").Str(e.FullyQualifiedErrorId ?? "");
            w.Raw(",\"command\":").Str(info != null && info.MyCommand != null ? info.MyCommand.Name : null);
            w.Raw(",\"line\":" + (info != null && info.ScriptLineNumber > 0 ? info.ScriptLineNumber.ToString(CultureInfo.InvariantCulture) : "null"));
            w.Raw(",\"column\":" + (info != null && info.OffsetInLine > 0 ? info.OffsetInLine.ToString(CultureInfo.InvariantCulture) : "null"));
            w.Raw(",\"target\":").Str(e.TargetObject == null ? null : e.TargetObject.ToString());
            w.Raw(",\"exceptionType\":").Str(e.Exception.GetType().Name);
            w.Raw(",\"terminating\":" + (terminating ? "true" : "false") + "}");
        }
    }
}

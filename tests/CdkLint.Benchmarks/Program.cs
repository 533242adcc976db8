using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

// Measures what CdkLint adds to a build. For each app size and compiler mode (a fresh compiler process per build, and
// the warm compiler server) it builds the generated app with no analyzer, an empty analyzer, an "operation floor"
// analyzer and CdkLint, each several times (medians reported), with the SDK's own analyzers off, and reads from
// -p:ReportAnalyzer=true and the task performance summary: the C# compiler task's time and CdkLint's analyzer time.
// For reference it also builds the app with the SDK's own analyzers at their default level and no CdkLint, and reads
// their analyzer time the same way.
if (args.Length >= 3 && args[0] == "--generate")
{
    // Writes one generated app and stops: for profiling a single compilation by hand (add "clean" for fixed stacks).
    var generated = Generate(Path.GetFullPath(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), cdk: true, clean: args.Length > 3 && args[3] == "clean");
    Console.WriteLine(generated.Dir);
    return;
}

if (args.Length >= 2 && args[0] == "--jit-events")
{
    // --jit-events <trace.nettrace> [top N methods]
    JitEvents.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length >= 4 && args[0] == "--editor")
{
    // --editor <app dir> <file listing the app's references> <file name, e.g. Unit7.cs> [edits]
    Editor.Run(args[1], File.ReadAllLines(args[2]).Where(l => l.Length > 0).ToArray(), args[3], args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 40);
    return;
}

if (args.Length >= 3 && args[0] == "--in-process")
{
    // --in-process <app dir> <file listing the app's references, one per line> [runs]
    InProcess.Run(args[1], File.ReadAllLines(args[2]).Where(l => l.Length > 0).ToArray(), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5);
    return;
}

var root = FindRoot();
var runs = 3;
var modes = new[] { "fresh", "server" };
var sizeArgs = new List<int>();
string? compare = null;
var pack = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--pack":
            pack = true;
            break;
        case "--compare":
            // --compare DIR: also measure the analyzers in DIR (CdkLint.Analyzers.dll and CdkLint.CodeFixes.dll of
            // another build, e.g. an earlier commit), in the same run, as the variant "before".
            compare = Path.GetFullPath(args[++i]);
            break;
        case "--mode":
            modes = args[++i] == "both" ? modes : new[] { args[i] };
            break;
        default:
            sizeArgs.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            break;
    }
}

var sizes = sizeArgs.Count > 0 ? sizeArgs.ToArray() : new[] { 50, 200, 800 };
var work = Directory.CreateTempSubdirectory("cdklint-bench-").FullName;
try
{
    Run("dotnet", "build src/CodeFixes/CdkLint.CodeFixes.csproj -c Release -nologo -v:q", root);
    var cdkLint = new[] { "src/Analyzers/bin/Release/netstandard2.0/CdkLint.Analyzers.dll", "src/CodeFixes/bin/Release/netstandard2.0/CdkLint.CodeFixes.dll" }
        .Select(p => Path.Combine(root, p)).ToArray();
    var empty = BuildBaselineAnalyzer(work, "EmptyAnalyzer", "context.RegisterCompilationStartAction(_ => { });");
    var floor = BuildBaselineAnalyzer(work, "OperationFloorAnalyzer", "context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment);");
    // "sdk": no CdkLint, the .NET SDK's own analyzers at their default level (what `dotnet new` projects run): a reference
    // for what an analyzer suite shipped on by default costs in the same builds, by the same measure.
    var variants = new (string Name, string[] Analyzers)[] { ("none", Array.Empty<string>()), ("empty", new[] { empty }), ("floor", new[] { floor }), ("cdklint", cdkLint), ("sdk", SdkAnalyzers) };
    if (pack)
    {
        // --pack: CdkLint under <CdkLintMode>AwsSolutions</CdkLintMode> (the preset's global config), against "cdklint" (Recommended).
        variants = variants.Append(("pack", cdkLint.Append(Path.Combine(root, "src/Package/build/presets/CdkLint.AwsSolutions.globalconfig")).ToArray())).ToArray();
    }

    if (compare is not null)
    {
        variants = variants.Append(("before", new[] { Path.Combine(compare, "CdkLint.Analyzers.dll"), Path.Combine(compare, "CdkLint.CodeFixes.dll") })).ToArray();
    }

    var apps = sizes.Select(size => (Name: $"CDK app, {size} stacks", App: Generate(work, size, cdk: true), Stacks: size))
        .Append((Name: $"CDK app, {sizes.Max()} stacks, findings fixed", App: Generate(work, sizes.Max(), cdk: true, clean: true), Stacks: sizes.Max()))
        .Append((Name: $"no CDK, {sizes.Max()} classes", App: Generate(work, sizes.Max(), cdk: false), Stacks: 0))
        .ToList();

    var table = new StringBuilder();
    table.AppendLine("| compiler | app | lines | Csc s: no analyzer | empty analyzer | operation floor | CdkLint | CdkLint analyzer time s | CdkLint / Csc | SDK analyzers: Csc s | their analyzer time s | SDK / Csc |"
        + (compare is null ? string.Empty : " before: Csc s | its analyzer time s | before / Csc |"));
    table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (compare is null ? string.Empty : "---:|---:|---:|"));
    var references = new Dictionary<string, string[]>();
    var cdkLintCsc = new Dictionary<(string Mode, string App), double>();
    foreach (var mode in modes)
    {
        foreach (var (name, app, _) in apps)
        {
            Run("dotnet", "restore -nologo -v:q", app.Dir);
            var csc = new Dictionary<string, double>();
            var lint = 0.0;
            var sdk = 0.0;
            var before = 0.0;
            foreach (var (variant, analyzers) in variants)
            {
                if (mode == "server")
                {
                    // The compiler server keeps analyzers loaded and JIT-compiled between builds: warm it first.
                    Build(app.Dir, analyzers, mode);
                    Build(app.Dir, analyzers, mode);
                }

                var results = Enumerable.Range(0, runs).Select(_ => Build(app.Dir, analyzers, mode)).ToList();
                csc[variant] = Median(results.Select(r => r.Csc));
                references[app.Dir] = results[0].References;
                if (variant == "sdk")
                {
                    sdk = Median(results.Select(r => r.Analyzers));
                }

                if (variant == "pack")
                {
                    var packTime = Median(results.Select(r => r.Analyzers));
                    Console.WriteLine($"{mode} | {name} (AwsSolutions): Csc {string.Join(", ", results.Select(r => r.Csc.ToString("F2", CultureInfo.InvariantCulture)))} s; CdkLint {string.Join(", ", results.Select(r => r.Analyzers.ToString("F3", CultureInfo.InvariantCulture)))} s; median {packTime:F3} s");
                }

                if (variant == "before")
                {
                    before = Median(results.Select(r => r.Analyzers));
                    Console.WriteLine($"{mode} | {name} (before): Csc {string.Join(", ", results.Select(r => r.Csc.ToString("F2", CultureInfo.InvariantCulture)))} s; CdkLint {string.Join(", ", results.Select(r => r.Analyzers.ToString("F3", CultureInfo.InvariantCulture)))} s");
                }

                if (variant == "cdklint")
                {
                    cdkLintCsc[(mode, name)] = csc[variant];
                    lint = Median(results.Select(r => r.Analyzers));
                    Console.WriteLine($"{mode} | {name}: Csc {string.Join(", ", results.Select(r => r.Csc.ToString("F2", CultureInfo.InvariantCulture)))} s; CdkLint {string.Join(", ", results.Select(r => r.Analyzers.ToString("F3", CultureInfo.InvariantCulture)))} s");
                }
            }

            table.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {mode} | {name} | {app.Lines} | {csc["none"]:F2} | {csc["empty"]:F2} | {csc["floor"]:F2} | {csc["cdklint"]:F2} | {lint:F3} | {100 * lint / csc["cdklint"]:F1}% | {csc["sdk"]:F2} | {sdk:F3} | {100 * sdk / csc["sdk"]:F1}% |"));
            table.AppendLine(compare is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" {csc["before"]:F2} | {before:F3} | {100 * before / csc["before"]:F1}% |"));
        }

        if (mode == "server")
        {
            Run("dotnet", "build-server shutdown", root);
        }
    }

    // CdkLint's own work (its callbacks without the GC pauses that fall inside them), in this process on one thread,
    // against the compile time of the same app with CdkLint on the warm server (or fresh, when only that mode ran).
    var ownTable = new StringBuilder();
    var against = modes.Contains("server") ? "server" : "fresh";
    ownTable.AppendLine($"| app | CdkLint's own work s (in process, warm) | allocated MB | Csc s ({against}, with CdkLint) | own work / Csc |");
    ownTable.AppendLine("|---|---:|---:|---:|---:|");
    foreach (var (name, app, stacks) in apps.Where(a => a.Stacks > 0))
    {
        // About 8,000 stacks' worth of runs (at least ten), so that small apps too reach the runtime's optimised tiers.
        var (own, megabytes) = InProcess.OwnWork(app.Dir, references[app.Dir], Math.Max(10, 8000 / stacks));
        var compile = cdkLintCsc[(against, name)];
        ownTable.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {own:F3} | {megabytes:F1} | {compile:F2} | {100 * own / compile:F1}% |"));
    }

    Console.WriteLine();
    Console.WriteLine($"Medians of {runs} builds each.");
    Console.Write(table);
    Console.WriteLine();
    Console.WriteLine("CdkLint's own work: in process, one thread, median of the second half of max(10, 8000 / stacks) runs (CDKLINT_BENCH_ACCOUNTS); allocations likewise.");
    Console.Write(ownTable);
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

/// <summary>One full build: the Csc task's seconds, the analyzer seconds of the given analyzer assemblies, and the compiler's references.</summary>
static (double Csc, double Analyzers, string[] References) Build(string dir, string[] analyzers, string mode)
{
    var sdk = analyzers == SdkAnalyzers;
    // An analyzer list may carry a global config (the "pack" variant: CdkLint with the AwsSolutions preset).
    var items = sdk ? string.Empty : string.Concat(analyzers.Select(a => a.EndsWith(".globalconfig", StringComparison.Ordinal) ? $"<GlobalAnalyzerConfigFiles Include=\"{a}\" />" : $"<Analyzer Include=\"{a}\" />"));
    File.WriteAllText(Path.Combine(dir, "Analyzers.props"), $"<Project><ItemGroup>{items}</ItemGroup></Project>");
    // fresh: a new compiler process per build (UseSharedCompilation=false, as CI machines often run); server: the
    // compiler server that `dotnet build` uses by default, already warm.
    var shared = mode == "server" ? "true" : "false";
    var output = Run("dotnet", $"build -c Release -nologo --no-restore --no-incremental -p:ReportAnalyzer=true -p:EnableNETAnalyzers={(sdk ? "true" : "false")} -p:UseSharedCompilation={shared} -v:d -clp:PerformanceSummary", dir);
    var csc = Regex.Matches(output, @"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1000).Sum();
    if (Environment.GetEnvironmentVariable("CDKLINT_BENCH_DETAIL") == "1")
    {
        // Per-rule times, to find the rule that grows faster than the code.
        foreach (Match line in Regex.Matches(output, @"^.*CdkLint\.(Rules|Analyzers).*$", RegexOptions.Multiline))
        {
            Console.WriteLine(line.Value.Trim());
        }
    }

    var time = 0.0;
    foreach (var analyzer in analyzers)
    {
        // ReportAnalyzer lists each analyzer assembly with its total: "   0.123   12   CdkLint.Analyzers, Version=…"
        var assembly = sdk ? analyzer : Path.GetFileNameWithoutExtension(analyzer);
        var match = Regex.Match(output, @"^\s*(<?\d+\.\d+)\s+<?\d+\s+" + Regex.Escape(assembly) + ",", RegexOptions.Multiline);
        if (match.Success)
        {
            time += double.Parse(match.Groups[1].Value.TrimStart('<'), CultureInfo.InvariantCulture);
        }
    }

    // The compiler's references, from its command line in the detailed log: what the in-process measurement compiles with.
    var references = Regex.Matches(output, @"/reference:(\S+)").Select(m => m.Groups[1].Value.Trim('"')).Distinct().ToArray();
    return (csc, time, references);
}

static (string Dir, int Lines) Generate(string work, int size, bool cdk, bool clean = false)
{
    var dir = Path.Combine(work, (cdk ? clean ? "clean-" : "cdk-" : "plain-") + size);
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "App.csproj"), $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>disable</Nullable>
            <NoWarn>$(NoWarn);CS0618</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            {(cdk ? "<PackageReference Include=\"Amazon.CDK.Lib\" Version=\"2.160.0\" /><PackageReference Include=\"Constructs\" Version=\"10.0.5\" />" : string.Empty)}
          </ItemGroup>
          <Import Project="Analyzers.props" Condition="Exists('Analyzers.props')" />
        </Project>
        """);
    var lines = 0;
    var program = new StringBuilder(cdk ? "using Amazon.CDK;\nstatic class Program { static void Main() { var app = new App();\n" : "static class Program { static void Main() {\n");
    for (var i = 0; i < size; i++)
    {
        var text = cdk ? clean ? CleanCdkStack(i) : CdkStack(i) : PlainClass(i);
        lines += text.Split('\n').Length;
        File.WriteAllText(Path.Combine(dir, $"Unit{i}.cs"), text);
        program.AppendLine(cdk ? $"new Stack{i}(app, \"Stack{i}\");" : $"new Unit{i}().Run();");
    }

    program.AppendLine(cdk ? "app.Synth(); } }" : "} }");
    File.WriteAllText(Path.Combine(dir, "Program.cs"), program.ToString());
    return (dir, lines);
}

/// <summary>
/// The same stack with every finding fixed as CdkLint's fixes would (tags, no physical name, RETAIN, point-in-time
/// recovery, blocked public access, a queue visibility that fits the worker, log groups with retention, stage logging and
/// tracing, a supported runtime): what a team pays once its code is clean.
/// </summary>
static string CleanCdkStack(int i) => $$"""
    using System.Collections.Generic;
    using Amazon.CDK;
    using Amazon.CDK.AWS.APIGateway;
    using Amazon.CDK.AWS.DynamoDB;
    using Amazon.CDK.AWS.IAM;
    using Amazon.CDK.AWS.Lambda;
    using Amazon.CDK.AWS.Lambda.EventSources;
    using Amazon.CDK.AWS.Logs;
    using Amazon.CDK.AWS.S3;
    using Amazon.CDK.AWS.SQS;
    using Constructs;

    public sealed class Stack{{i}} : Stack
    {
        public Stack{{i}}(Construct scope, string id) : base(scope, id)
        {
            Amazon.CDK.Tags.Of(this).Add("Environment", "bench");
            Amazon.CDK.Tags.Of(this).Add("Owner", "platform");
            var table = new Table(this, "Table", new TableProps
            {
                PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                PointInTimeRecovery = true,
                RemovalPolicy = RemovalPolicy.RETAIN,
            });
            var bucket = new Bucket(this, "Bucket", new BucketProps { Versioned = true, EnforceSSL = true, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
            var queue = new Queue(this, "Queue", new QueueProps { VisibilityTimeout = Duration.Seconds(360) });
            var workerProps = Defaults("worker.handler");
            workerProps.Timeout = Duration.Seconds(60);
            workerProps.LogGroup = new LogGroup(this, "WorkerLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
            workerProps.Environment = new Dictionary<string, string> { ["TABLE"] = table.TableName, ["LOG_LEVEL"] = "INFO" };
            var worker = new Function(this, "Worker", workerProps);
            worker.AddEventSource(new SqsEventSource(queue));
            table.GrantReadWriteData(worker);
            var api = new Function(this, "Api", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                Handler = "index.handler",
                Code = Code.FromInline("def handler(event, context):\n    return {'statusCode': 200}\n"),
                MemorySize = 256,
                Timeout = Duration.Seconds(10),
                Tracing = Tracing.ACTIVE,
                LogGroup = new LogGroup(this, "ApiLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }),
            });
            api.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { bucket.ArnForObjects("*") } }));
            api.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "xray:PutTraceSegments" }, Resources = new[] { "*" } }));
            var accessLogs = new LogGroup(this, "RestLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
            var rest = new LambdaRestApi(this, "Rest", new LambdaRestApiProps
            {
                Handler = api,
                DeployOptions = new StageOptions
                {
                    ThrottlingRateLimit = 100,
                    ThrottlingBurstLimit = 200,
                    AccessLogDestination = new LogGroupLogDestination(accessLogs),
                    AccessLogFormat = AccessLogFormat.JsonWithStandardFields(),
                    LoggingLevel = MethodLoggingLevel.INFO,
                    TracingEnabled = true,
                },
            });
            new CfnOutput(this, "Url", new CfnOutputProps { Value = rest.Url });
        }

        private static FunctionProps Defaults(string handler) => new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_12,
            Handler = handler,
            Code = Code.FromAsset("src"),
            MemorySize = 512,
            Tracing = Tracing.ACTIVE,
        };
    }
    """;

/// <summary>A stack with the mix the rules look at: table, bucket, queue, two functions, an API, IAM statements, props in a local and a helper.</summary>
static string CdkStack(int i) => $$"""
    using System.Collections.Generic;
    using Amazon.CDK;
    using Amazon.CDK.AWS.APIGateway;
    using Amazon.CDK.AWS.DynamoDB;
    using Amazon.CDK.AWS.IAM;
    using Amazon.CDK.AWS.Lambda;
    using Amazon.CDK.AWS.Lambda.EventSources;
    using Amazon.CDK.AWS.S3;
    using Amazon.CDK.AWS.SQS;
    using Constructs;

    public sealed class Stack{{i}} : Stack
    {
        public Stack{{i}}(Construct scope, string id) : base(scope, id)
        {
            var table = new Table(this, "Table", new TableProps
            {
                PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                TableName = "table-{{i}}",
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            var bucket = new Bucket(this, "Bucket", new BucketProps { Versioned = true, EnforceSSL = true });
            var queue = new Queue(this, "Queue", new QueueProps { VisibilityTimeout = Duration.Seconds(30) });
            var workerProps = Defaults("worker.handler");
            workerProps.Timeout = Duration.Seconds(60);
            workerProps.Environment = new Dictionary<string, string> { ["TABLE"] = table.TableName, ["LOG_LEVEL"] = "INFO" };
            var worker = new Function(this, "Worker", workerProps);
            worker.AddEventSource(new SqsEventSource(queue));
            table.GrantReadWriteData(worker);
            var api = new Function(this, "Api", new FunctionProps
            {
                Runtime = Runtime.NODEJS_20_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => ({ statusCode: 200 });"),
                MemorySize = 256,
                Timeout = Duration.Seconds(10),
                Tracing = Tracing.ACTIVE,
            });
            api.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { bucket.ArnForObjects("*") } }));
            api.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "xray:PutTraceSegments" }, Resources = new[] { "*" } }));
            var rest = new LambdaRestApi(this, "Rest", new LambdaRestApiProps { Handler = api, DeployOptions = new StageOptions { ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 } });
            new CfnOutput(this, "Url", new CfnOutputProps { Value = rest.Url });
        }

        private static FunctionProps Defaults(string handler) => new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_12,
            Handler = handler,
            Code = Code.FromAsset("src"),
            MemorySize = 512,
        };
    }
    """;

static string PlainClass(int i) => $$"""
    using System.Collections.Generic;
    using System.Linq;

    public sealed class Unit{{i}}
    {
        private readonly Dictionary<string, int> _counts = new() { ["a"] = 1, ["b"] = 2 };

        public int Run()
        {
            var items = new List<Item{{i}}> { new Item{{i}} { Name = "x", Size = 3 }, new Item{{i}} { Name = "y", Size = 4 } };
            var total = items.Where(x => x.Size > 1).Sum(x => x.Size);
            foreach (var pair in _counts)
            {
                total += pair.Value * pair.Key.Length;
            }

            return total + Helper(new Item{{i}} { Name = "z" });
        }

        private static int Helper(Item{{i}} item) => item.Name.Length;
    }

    public sealed class Item{{i}}
    {
        public string Name { get; set; }
        public int Size { get; set; }
    }
    """;

/// <summary>
/// A baseline analyzer: "empty" registers one compilation-start action (the driver's own cost); "floor" asks for the
/// operation callbacks CdkLint uses and does nothing in them (the cost of the operation trees any such analyzer causes).
/// </summary>
static string BuildBaselineAnalyzer(string work, string name, string registration)
{
    var dir = Path.Combine(work, name);
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><AssemblyName>{name}</AssemblyName><NoWarn>RS1036;RS2008</NoWarn></PropertyGroup>
          <ItemGroup><PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" /></ItemGroup>
        </Project>
        """);
    File.WriteAllText(Path.Combine(dir, name + ".cs"), $$"""
        using System.Collections.Immutable;
        using Microsoft.CodeAnalysis;
        using Microsoft.CodeAnalysis.Diagnostics;

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class {{name}} : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("BASE001", "Baseline", "Baseline", "Baseline", DiagnosticSeverity.Warning, true);
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                {{registration}}
            }
        }
        """);
    Run("dotnet", "build -c Release -nologo -v:q", dir);
    return Path.Combine(dir, "bin", "Release", "netstandard2.0", name + ".dll");
}

static string Run(string file, string arguments, string dir)
{
    var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(info)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    var output = stdout.Result + stderr.Result;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed in {dir}:\n{output}");
    }

    return output;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CdkLint.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the CdkLint repository");
}

internal partial class Program
{
    /// <summary>The assemblies of the .NET SDK's analyzers (the "sdk" variant reads their ReportAnalyzer totals).</summary>
    private static readonly string[] SdkAnalyzers = { "Microsoft.CodeAnalysis.NetAnalyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers" };
}

using System;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>What one analyzer's callbacks cost in one run: time inside them, the GC pauses that fell inside that time,
/// and the bytes they allocated on their thread. Exact only in the in-process mode, where analysis runs on one thread.</summary>
internal sealed class Account
{
    public long Ticks;
    public long PauseTicks;
    public long Bytes;
    public long Calls;

    public double Seconds => Ticks / (double)Stopwatch.Frequency;

    public double PauseSeconds => PauseTicks / 1e7;

    /// <summary>Time in the callbacks without the GC pauses that fell inside them: the analyzer's own work.</summary>
    public double OwnSeconds => Seconds - PauseSeconds;

    public void Clear() => Ticks = PauseTicks = Bytes = Calls = 0;
}

// A measuring wrapper, not an analyzer of its own: the wrapped analyzer configures concurrency and generated code, and
// the start contexts it is handed register the actions of the analyzer they wrap.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// Wraps an analyzer so that every callback it registers is timed: the analyzer itself is not changed, the context it
/// registers through is. The driver runs callbacks one after another on a thread, never one inside another, so each
/// is counted once.
/// </summary>
internal sealed class AccountingAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;

    public AccountingAnalyzer(DiagnosticAnalyzer inner)
    {
        _inner = inner;
        Name = inner.GetType().Name;
    }

    public string Name { get; }

    public Account Account { get; } = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, Account));

    internal static Action<T> Timed<T>(Account account, Action<T> action)
        => x =>
        {
            var pause = GC.GetTotalPauseDuration();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            try
            {
                action(x);
            }
            finally
            {
                account.Ticks += Stopwatch.GetTimestamp() - start;
                account.PauseTicks += (GC.GetTotalPauseDuration() - pause).Ticks;
                account.Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                account.Calls++;
            }
        };

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly Account _account;

        public Context(AnalysisContext inner, Account account)
        {
            _inner = inner;
            _account = account;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => _inner.RegisterCompilationStartAction(Timed<CompilationStartAnalysisContext>(_account, start => action(new StartContext(start, _account))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(Timed(_account, action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(Timed(_account, action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(Timed(_account, action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException("not used by CdkLint");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(Timed(_account, action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(Timed(_account, action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(Timed(_account, action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(Timed(_account, action), operationKinds);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(Timed(_account, action));
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly Account _account;

        public StartContext(CompilationStartAnalysisContext inner, Account account)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _account = account;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(Timed(_account, action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(Timed(_account, action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(Timed(_account, action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException("not used by CdkLint");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(Timed(_account, action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(Timed(_account, action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(Timed(_account, action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(Timed(_account, action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw new NotSupportedException("not used by CdkLint");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(Timed(_account, action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(Timed(_account, action), operationKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw new NotSupportedException("not used by CdkLint");
    }
}

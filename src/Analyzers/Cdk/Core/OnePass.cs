using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Cdk
{
    /// <summary>
    /// The one analysis pass every rule shares. At compilation start it resolves the CDK symbol table (and stops there
    /// when the project has no CDK), lets each rule that is on somewhere declare what it wants to see, and then registers
    /// one callback per operation kind for all of them: each construct creation is resolved once and handed to every
    /// rule that asked for creations, and each other operation goes to the rules that asked for its kind. A rule whose
    /// diagnostics are all <c>none</c> for a file (per rule, per category, or by a preset) is not called there. When every
    /// rule is off everywhere, the compiler's driver does not run the analyzer at all.
    /// </summary>
    internal static class OnePass
    {
        public static void Initialize(AnalysisContext context, ImmutableArray<CdkAnalyzer> rules)
        {
            context.EnableConcurrentExecution();
            // Generated code is not analysed (no callbacks run there), so every diagnostic sits in code that was. Letting
            // the driver "report in generated code" skips its per-file search for [GeneratedCode] symbols on every first
            // diagnostic in a file, which measured 15% of CdkLint's time on the benchmark (docs/performance.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = CdkSymbols.Get(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                var switches = new RuleSwitches(start.Compilation, start.Options, rules);
                var dispatch = new Dispatch(switches);
                // Every rule starts (a global "off" can be turned back on for some files in .editorconfig, and reading
                // every file's options here would make each keystroke in an editor cost as much as the app has files);
                // a rule's callbacks are skipped in each file where it is off.
                for (var i = 0; i < rules.Length; i++)
                {
                    rules[i].OnCdkCompilationStart(new RuleStartContext(start, dispatch, i), symbols);
                }

                dispatch.Register(start, symbols);
            });
        }
    }

    /// <summary>What the rules asked for, by operation kind, and the callbacks that serve them.</summary>
    internal sealed class Dispatch
    {
        private static readonly OperationKind[] CreationKinds = { OperationKind.ObjectCreation, OperationKind.Invocation };

        private readonly RuleSwitches _switches;
        private readonly Dictionary<OperationKind, List<(int Rule, Action<OperationAnalysisContext> Action)>> _byKind = new();
        private readonly List<(int Rule, Action<OperationAnalysisContext, ConstructCreation> Action)> _creations = new();

        public Dispatch(RuleSwitches switches) => _switches = switches;

        public RuleSwitches Switches => _switches;

        public void AddOperation(int rule, Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
        {
            foreach (var kind in kinds)
            {
                if (!_byKind.TryGetValue(kind, out var list))
                {
                    _byKind[kind] = list = new List<(int, Action<OperationAnalysisContext>)>();
                }

                list.Add((rule, action));
            }
        }

        public void AddCreation(int rule, Action<OperationAnalysisContext, ConstructCreation> action) => _creations.Add((rule, action));

        public void Register(CompilationStartAnalysisContext start, CdkSymbols symbols)
        {
            var creations = _creations.ToArray();
            foreach (var kind in CreationKinds)
            {
                _byKind.TryGetValue(kind, out var list);
                var others = list?.ToArray() ?? Array.Empty<(int, Action<OperationAnalysisContext>)>();
                if (creations.Length == 0 && others.Length == 0)
                {
                    continue;
                }

                start.RegisterOperationAction(ctx => RunCreationKind(ctx, symbols, creations, others), kind);
            }

            foreach (var pair in _byKind)
            {
                if (Array.IndexOf(CreationKinds, pair.Key) < 0)
                {
                    var subscribers = pair.Value.ToArray();
                    start.RegisterOperationAction(ctx => Run(ctx, subscribers), pair.Key);
                }
            }
        }

        private void RunCreationKind(OperationAnalysisContext ctx, CdkSymbols symbols, (int Rule, Action<OperationAnalysisContext, ConstructCreation> Action)[] creations, (int Rule, Action<OperationAnalysisContext> Action)[] others)
        {
            var on = _switches.For(ctx.Operation.Syntax.SyntaxTree);
            ExceptionDispatchInfo? failure = null;
            if (creations.Length > 0 && ConstructCreation.TryGet(ctx.Operation, symbols, out var creation))
            {
                foreach (var (rule, action) in creations)
                {
                    if (on[rule])
                    {
                        try
                        {
                            action(ctx, creation);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            failure ??= ExceptionDispatchInfo.Capture(e);
                        }
                    }
                }
            }

            Call(ctx, on, others, ref failure);

            // One rule's failure does not cost the others their findings; the driver still reports it (AD0001).
            failure?.Throw();
        }

        private void Run(OperationAnalysisContext ctx, (int Rule, Action<OperationAnalysisContext> Action)[] subscribers)
        {
            ExceptionDispatchInfo? failure = null;
            Call(ctx, _switches.For(ctx.Operation.Syntax.SyntaxTree), subscribers, ref failure);
            failure?.Throw();
        }

        /// <summary>Calls each subscriber that is on in this file; the first exception is kept and the others still run.</summary>
        private static void Call(OperationAnalysisContext ctx, bool[] on, (int Rule, Action<OperationAnalysisContext> Action)[] subscribers, ref ExceptionDispatchInfo? failure)
        {
            foreach (var (rule, action) in subscribers)
            {
                if (on[rule])
                {
                    try
                    {
                        action(ctx);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        failure ??= ExceptionDispatchInfo.Capture(e);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Which rules are on in which file: a rule is off in a file when every one of its diagnostics has severity
    /// <c>none</c> there, set for the rule (<c>dotnet_diagnostic.ID.severity</c>, in .editorconfig or a global config
    /// such as the presets), on the command line or in a rule set, for its category
    /// (<c>dotnet_analyzer_diagnostic.category-X.severity</c>) or for all analyzers
    /// (<c>dotnet_analyzer_diagnostic.severity</c>), in the compiler's order of precedence. Computed once per file, when
    /// the first callback arrives from it.
    /// </summary>
    internal sealed class RuleSwitches
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly ImmutableArray<CdkAnalyzer> _rules;
        private readonly ConcurrentDictionary<SyntaxTree, bool[]> _byTree = new();

        public RuleSwitches(Compilation compilation, AnalyzerOptions options, ImmutableArray<CdkAnalyzer> rules)
        {
            _compilation = compilation;
            _options = options;
            _rules = rules;
        }


        public bool[] For(SyntaxTree tree)
        {
            if (!_byTree.TryGetValue(tree, out var on))
            {
                on = _byTree.GetOrAdd(tree, Compute);
            }

            return on;
        }

        private bool[] Compute(SyntaxTree tree)
        {
            var on = new bool[_rules.Length];
            var treeOptions = _options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            for (var i = 0; i < _rules.Length; i++)
            {
                foreach (var descriptor in _rules[i].SupportedDiagnostics)
                {
                    if (!IsSuppressed(descriptor, tree, treeOptions))
                    {
                        on[i] = true;
                        break;
                    }
                }
            }

            return on;
        }

        /// <summary>Suppressed for <paramref name="tree"/>, or, when it is null, by the settings that hold for every file.</summary>
        private bool IsSuppressed(DiagnosticDescriptor descriptor, SyntaxTree? tree, AnalyzerConfigOptions treeOptions)
        {
            var id = descriptor.Id;
            var provider = _compilation.Options.SyntaxTreeOptionsProvider;
            if (provider is not null)
            {
                if (tree is not null && provider.TryGetDiagnosticValue(tree, id, default, out var perTree))
                {
                    return perTree == ReportDiagnostic.Suppress;
                }

                if (provider.TryGetGlobalDiagnosticValue(id, default, out var global))
                {
                    return global == ReportDiagnostic.Suppress;
                }
            }

            if (_compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific))
            {
                return specific == ReportDiagnostic.Suppress;
            }

            // Bulk settings turn rules off, or change the severity of rules that are on by default; like the compiler,
            // they never turn on a rule that is off by default (the AwsSolutions pack is enabled rule by rule).
            if (Bulk(treeOptions, "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity") is { } category)
            {
                return category || !descriptor.IsEnabledByDefault;
            }

            if (Bulk(treeOptions, "dotnet_analyzer_diagnostic.severity") is { } all)
            {
                return all || !descriptor.IsEnabledByDefault;
            }

            return !descriptor.IsEnabledByDefault;
        }

        /// <summary>A bulk severity setting, in the file's options or the global ones: true for <c>none</c>, false for any other value.</summary>
        private bool? Bulk(AnalyzerConfigOptions treeOptions, string key)
        {
            if (treeOptions.TryGetValue(key, out var value) || _options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out value))
            {
                return string.Equals(value.Trim(), "none", StringComparison.OrdinalIgnoreCase);
            }

            return null;
        }
    }

    /// <summary>
    /// The compilation-start context a rule sees: what it registers for operations goes to the shared dispatch (one
    /// callback per kind for all rules); everything else goes to the driver as it is, skipping files where the rule is off.
    /// </summary>
    internal sealed class RuleStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly Dispatch _dispatch;
        private readonly int _rule;

#pragma warning disable RS1012 // a forwarding context: it registers through the dispatch and the inner context
        public RuleStartContext(CompilationStartAnalysisContext inner, Dispatch dispatch, int rule)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _dispatch = dispatch;
            _rule = rule;
        }
#pragma warning restore RS1012

        /// <summary>Every construct creation (<c>new X(…)</c> of a library construct, or a subclass's base call), resolved once for all rules.</summary>
        public void RegisterConstructCreationAction(Action<OperationAnalysisContext, ConstructCreation> action) => _dispatch.AddCreation(_rule, action);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => _dispatch.AddOperation(_rule, action, operationKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            => _inner.RegisterSemanticModelAction(ctx =>
            {
                if (On(ctx.SemanticModel.SyntaxTree))
                {
                    action(ctx);
                }
            });

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(action, symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(action);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(action);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            => _inner.RegisterSyntaxTreeAction(ctx =>
            {
                if (On(ctx.Tree))
                {
                    action(ctx);
                }
            });

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => _inner.RegisterSyntaxNodeAction(action, syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(action);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(action);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(action, symbolKind);

        private bool On(SyntaxTree tree) => _dispatch.Switches.For(tree)[_rule];
    }
}

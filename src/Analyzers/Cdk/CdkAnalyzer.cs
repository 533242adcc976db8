using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Cdk
{
    /// <summary>
    /// The shape every CdkLint rule shares: concurrent, no generated code, and nothing at all registered unless the
    /// compilation references Amazon.CDK.Lib (the symbol table is resolved once per compilation and shared).
    /// </summary>
    public abstract class CdkAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is not analysed (no callbacks run there), so every diagnostic sits in code that was. Letting
            // the driver "report in generated code" skips its per-file search for [GeneratedCode] symbols on every first
            // diagnostic in a file, which measured 15% of CdkLint's time on the benchmark (docs/performance.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = CdkSymbols.Get(start.Compilation);
                if (symbols is not null)
                {
                    OnCdkCompilationStart(start, symbols);
                }
            });
        }

        internal abstract void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkSymbols symbols);

        /// <summary>
        /// Registers <paramref name="action"/> for every assignment to a props property that <paramref name="table"/>
        /// lists, in every props shape (initializer, <c>props.X = …</c>, helper methods, derived props classes). The
        /// diagnostic then sits in the code block being analysed, which keeps it live in the IDE.
        /// </summary>
        internal static void RegisterPropAssignmentAction<T>(CompilationStartAnalysisContext context, PropTable<T> table, System.Action<OperationAnalysisContext, PropAssignment, T> action)
        {
            if (table.IsEmpty)
            {
                return;
            }

            context.RegisterOperationAction(
                ctx =>
                {
                    var assignment = (Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation)ctx.Operation;
                    if (assignment.Target is Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation target && table.TryMatch(target.Property, out var data))
                    {
                        action(ctx, new PropAssignment(target.Property, assignment), data);
                    }
                },
                OperationKind.SimpleAssignment);
        }

        /// <summary>Registers <paramref name="action"/> for every construct creation (<c>new X(…)</c> or a subclass's base call).</summary>
        internal static void RegisterConstructCreationAction(CompilationStartAnalysisContext context, CdkSymbols symbols, System.Action<OperationAnalysisContext, ConstructCreation> action)
        {
            context.RegisterOperationAction(
                ctx =>
                {
                    if (ConstructCreation.TryGet(ctx.Operation, symbols, out var creation))
                    {
                        action(ctx, creation);
                    }
                },
                OperationKind.ObjectCreation,
                OperationKind.Invocation);
        }
    }
}

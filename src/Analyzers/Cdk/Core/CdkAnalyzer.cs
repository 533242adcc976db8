using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Cdk
{
    /// <summary>
    /// One CdkLint rule. In the package every rule runs inside <see cref="CdkLintAnalyzer"/>'s one pass (the compilers
    /// load only that analyzer); a rule is still an analyzer of its own, running the same pass with only itself, so that
    /// its tests exercise exactly the code the package runs.
    /// </summary>
    public abstract class CdkAnalyzer : DiagnosticAnalyzer
    {
#pragma warning disable RS1025, RS1026 // OnePass.Initialize configures generated code and concurrency
        public sealed override void Initialize(AnalysisContext context) => OnePass.Initialize(context, ImmutableArray.Create(this));
#pragma warning restore RS1025, RS1026

        internal abstract void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols);

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
    }
}

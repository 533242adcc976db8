using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4004. A function without <c>Tracing</c> sends no X-Ray traces (CDK's default leaves tracing off), so a slow or
    /// failing call cannot be followed across services. An explicit <c>Tracing.PASS_THROUGH</c> or <c>Tracing.DISABLED</c>
    /// is a decision and stays quiet, like any value the code sets.
    /// </summary>
    public sealed class LambdaWithoutTracingAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4004);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.IFunctionOptions is not { } functionOptions || functionOptions.GetMembers("Tracing").IsEmpty)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!creation.PropsAre(functionOptions))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.IsComplete && !props.TryGet("Tracing", out _))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4004, creation.Location, creation.DisplayName));
                }
            });
        }
    }
}

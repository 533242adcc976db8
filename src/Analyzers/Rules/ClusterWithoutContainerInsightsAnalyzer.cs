using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4007. CDK creates ECS clusters with Container Insights off. Any value of <c>ContainerInsights</c> or (where
    /// CDK has it) <c>ContainerInsightsV2</c> is a decision and stays quiet; imported clusters are not created here.
    /// </summary>
    public sealed class ClusterWithoutContainerInsightsAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4007);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.ECS.Cluster") is not { } cluster)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, cluster))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.IsComplete && !props.TryGet("ContainerInsights", out _) && !props.TryGet("ContainerInsightsV2", out _))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4007, creation.Location, creation.DisplayName));
                }
            });
        }
    }
}

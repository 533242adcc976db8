using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4008. A VPC records no traffic unless it has a flow log: <c>FlowLogs</c> in its props, <c>vpc.AddFlowLog(…)</c>,
    /// or a <c>FlowLog</c> whose resource type is <c>FlowLogResourceType.FromVpc(vpc)</c>. The uses of the VPC are
    /// followed through the local, field or property that holds it (in its type, in the same file); imported VPCs
    /// (<c>Vpc.FromLookup</c>) are not created here.
    /// </summary>
    public sealed class VpcWithoutFlowLogsAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4008);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.EC2.Vpc") is not { } vpc)
            {
                return;
            }

            var resourceType = symbols.Type("Amazon.CDK.AWS.EC2.FlowLogResourceType");
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, vpc) || creation.Operation is not IObjectCreationOperation)
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (!props.IsComplete || props.TryGet("FlowLogs", out _) || HasFlowLog(creation.Operation, resourceType, ctx.CancellationToken))
                {
                    return;
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4008, creation.Location, creation.DisplayName));
            });
        }

        private static bool HasFlowLog(IOperation creation, INamedTypeSymbol? resourceType, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var use in ConstructRelations.Uses(creation, cancellationToken))
            {
                if (AddsFlowLog(use, resourceType))
                {
                    return true;
                }

                // A helper that returns the VPC: its caller stores it (`var vpc = Network();`) and may add the flow log there.
                if (ConstructCreation.Unwrap(use) is IInvocationOperation)
                {
                    foreach (var inner in ConstructRelations.Uses(use, cancellationToken))
                    {
                        if (inner != use && AddsFlowLog(inner, resourceType))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>`vpc.AddFlowLog(…)`, or `FlowLogResourceType.FromVpc(vpc)` (the resource type of a separate FlowLog).</summary>
        private static bool AddsFlowLog(IOperation use, INamedTypeSymbol? resourceType)
        {
            var parent = use.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IInvocationOperation { TargetMethod.Name: "AddFlowLog" }
                || parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "FromVpc" } fromVpc }
                   && SymbolEqualityComparer.Default.Equals(fromVpc.TargetMethod.ContainingType, resourceType);
        }
    }
}

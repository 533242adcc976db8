using System.Collections.Immutable;
using System.Threading;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK3002. A REST API stage without throttling only has the account-wide limit (shared by every API in the region),
    /// so one noisy caller or a retry storm can exhaust it and drive the backend's cost. Throttling may come from the
    /// stage (<c>DeployOptions</c>), from <c>MethodOptions</c> for <c>"/*/*"</c>, or from a usage plan with a throttle
    /// added in the same method. <c>Deploy = false</c> means the team builds its own stage: quiet.
    /// </summary>
    public sealed class RestApiWithoutThrottlingAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK3002);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.APIGateway.RestApiBase") is not { } restApiBase)
            {
                return;
            }

            var usagePlan = symbols.Type("Amazon.CDK.AWS.APIGateway.UsagePlan");
            var perApiStage = symbols.Type("Amazon.CDK.AWS.APIGateway.UsagePlanPerApiStage");
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, restApiBase))
                {
                    return;
                }

                var ct = ctx.CancellationToken;
                var props = PropsReader.Read(creation, ct);
                if (!props.IsComplete || props.TryGet("Deploy", out var deploy) && !(Constant.TryGetBool(deploy.Value, out var d) && d) || StageThrottles(props.ValueOf("DeployOptions"), ct)
                    || UsagePlanThrottles(creation, usagePlan, perApiStage, ct))
                {
                    return;
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3002, creation.Location, creation.DisplayName));
            });
        }

        /// <summary>True when the stage options may throttle: stage-wide limits, a "/*/*" method setting, or options not seen whole.</summary>
        private static bool StageThrottles(IOperation? deployOptions, CancellationToken ct)
        {
            if (deployOptions is null)
            {
                return false;
            }

            var stage = PropsReader.Read(deployOptions, ct);
            if (!stage.IsComplete || stage.TryGet("ThrottlingRateLimit", out _) || stage.TryGet("ThrottlingBurstLimit", out _))
            {
                return true;
            }

            return stage.ValueOf("MethodOptions") is { } methodOptions && AllMethodsThrottled(methodOptions, ct);
        }

        /// <summary>`MethodOptions = new Dictionary&lt;…&gt; { ["/*/*"] = new MethodDeploymentOptions { Throttling… } }`; unknown shapes count as throttled.</summary>
        private static bool AllMethodsThrottled(IOperation methodOptions, CancellationToken ct)
        {
            var entries = Collections.Entries(methodOptions, out var complete, ct);
            foreach (var entry in entries)
            {
                if (Constant.TryGetString(entry.Key, out var path) && path == "/*/*")
                {
                    var options = PropsReader.Read(entry.Value, ct);
                    return !options.IsComplete || options.TryGet("ThrottlingRateLimit", out _) || options.TryGet("ThrottlingBurstLimit", out _);
                }
            }

            return !complete;
        }

        /// <summary>
        /// A usage plan with a throttle in the method that creates the API: <c>api.AddUsagePlan(…, { Throttle = … })</c>, or a
        /// throttled <c>new UsagePlan</c> / per-stage throttle where a <c>UsagePlanPerApiStage</c> names this API.
        /// </summary>
        private static bool UsagePlanThrottles(ConstructCreation api, INamedTypeSymbol? usagePlan, INamedTypeSymbol? perApiStage, CancellationToken ct)
        {
            var planThrottles = false;
            var apiInAStage = false;
            foreach (var op in OperationTree.BodyOf(api.Operation))
            {
                switch (op)
                {
                    case IInvocationOperation { TargetMethod.Name: "AddUsagePlan", Arguments.Length: 2 } add when IsApi(add.Instance, api, ct):
                        var planProps = PropsReader.Read(add.Arguments[1].ArgumentKind == ArgumentKind.DefaultValue ? null : add.Arguments[1].Value, ct);
                        if (planProps.MaySet("Throttle") && add.Arguments[1].ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            return true;
                        }

                        break;
                    case IObjectCreationOperation { Arguments.Length: >= 3 } plan when SymbolEqualityComparer.Default.Equals(plan.Type, usagePlan):
                        planThrottles |= PropsReader.Read(plan.Arguments[2].Value, ct).MaySet("Throttle");
                        break;
                    case IObjectCreationOperation stage when SymbolEqualityComparer.Default.Equals(stage.Type, perApiStage):
                        var stageProps = PropsReader.Read(stage, ct);
                        if (IsApi(stageProps.ValueOf("Api"), api, ct))
                        {
                            apiInAStage = true;
                            planThrottles |= stageProps.TryGet("Throttle", out _);
                        }

                        break;
                }
            }

            return planThrottles && apiInAStage;
        }

        private static bool IsApi(IOperation? value, ConstructCreation api, CancellationToken ct)
            => ConstructCreation.Unwrap(value) is IInstanceReferenceOperation
                ? api.Operation is IInvocationOperation // `this` inside a RestApi subclass's constructor
                : ConstructRelations.Resolve(value, ct)?.Syntax == api.Operation.Syntax;
    }
}

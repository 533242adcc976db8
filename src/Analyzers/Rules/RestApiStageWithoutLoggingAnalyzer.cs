using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4003. A REST API stage keeps no access logs, no execution logs and no X-Ray traces unless its
    /// <c>DeployOptions</c> ask for them (CDK's defaults: no destination, logging level off, tracing off). Any value the
    /// code writes for a setting — including an explicit <c>MethodLoggingLevel.OFF</c> or <c>TracingEnabled = false</c> —
    /// is a decision and counts as set; only settings left out are reported.
    /// </summary>
    public sealed class RestApiStageWithoutLoggingAnalyzer : CdkAnalyzer
    {
        internal const string AccessLogs = "access logs";
        internal const string ExecutionLogging = "execution logging";
        internal const string Tracing = "X-Ray tracing";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4003);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.APIGateway.RestApiBase") is not { } restApiBase)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, restApiBase))
                {
                    return;
                }

                var missing = Missing(creation, ctx.CancellationToken);
                if (missing.Count > 0)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4003, creation.Location, creation.DisplayName, string.Join(", ", missing)));
                }
            });
        }

        /// <summary>The stage settings the API's props leave out; empty when all are set or the props cannot be seen whole.</summary>
        internal static List<string> Missing(ConstructCreation creation, System.Threading.CancellationToken cancellationToken)
        {
            var missing = new List<string>(3);
            var props = PropsReader.Read(creation, cancellationToken);
            if (!props.IsComplete || props.ValueOf("Deploy") is { } deployValue && !(Constant.TryGetBool(deployValue, out var deploy) && deploy))
            {
                return missing; // no stage (Deploy = false), or a stage decided elsewhere
            }

            var stage = props.ValueOf("DeployOptions") is { } options ? PropsReader.Read(options, cancellationToken) : PropsView.None;
            if (!stage.IsComplete)
            {
                return missing;
            }

            if (!stage.TryGet("AccessLogDestination", out _))
            {
                missing.Add(AccessLogs);
            }

            if (!stage.TryGet("LoggingLevel", out _))
            {
                missing.Add(ExecutionLogging);
            }

            if (!stage.TryGet("TracingEnabled", out _))
            {
                missing.Add(Tracing);
            }

            return missing;
        }
    }
}

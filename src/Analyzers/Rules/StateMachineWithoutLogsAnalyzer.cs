using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4005. A Step Functions state machine writes no execution log unless its props set <c>Logs</c>, and sends no
    /// X-Ray trace unless they set <c>TracingEnabled</c> (CDK's defaults are none and false). One finding per state
    /// machine names what is missing. Any <c>Logs</c> value and an explicit <c>TracingEnabled = false</c> are decisions.
    /// </summary>
    public sealed class StateMachineWithoutLogsAnalyzer : CdkAnalyzer
    {
        internal const string MissingLogs = "MissingLogs";
        internal const string MissingTracing = "MissingTracing";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4005);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.StepFunctions.StateMachine") is not { } stateMachine)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, stateMachine))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (!props.IsComplete)
                {
                    return;
                }

                var logs = !props.TryGet("Logs", out _);
                var tracing = !props.TryGet("TracingEnabled", out _);
                if (!logs && !tracing)
                {
                    return;
                }

                var missing = logs && tracing ? "no execution log (Logs) and no X-Ray tracing (TracingEnabled)"
                    : logs ? "no execution log (Logs)" : "no X-Ray tracing (TracingEnabled)";
                var properties = ImmutableDictionary<string, string?>.Empty;
                properties = logs ? properties.Add(MissingLogs, "true") : properties;
                properties = tracing ? properties.Add(MissingTracing, "true") : properties;
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4005, creation.Location, properties, creation.DisplayName, missing));
            });
        }
    }
}

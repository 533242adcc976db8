using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK3004. A function's timeout must fit what invokes it. API Gateway stops waiting after 29 seconds
    /// (REST; HTTP APIs after 30), so a longer timeout only lets the function run on after the caller got a 504. An SQS
    /// event source needs the queue's visibility timeout to be at least the function's timeout, or AWS rejects the
    /// mapping (otherwise a message would reappear while still being processed). Unset values are AWS's defaults:
    /// 3 seconds for a function, 30 for a queue.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LambdaTimeoutExceedsTriggerAnalyzer : CdkAnalyzer
    {
        public const string ClampKey = "Clamp";
        public const string VisibilitySecondsKey = "VisibilitySeconds";

        private const double ApiGatewayLimitSeconds = 29;
        private const double DefaultFunctionTimeout = 3;
        private const double DefaultQueueVisibility = 30;
        private const double MaxQueueVisibility = 43200; // SQS's maximum, 12 hours

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK3004);

        internal override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkSymbols symbols)
        {
            if (symbols.IFunctionOptions is null)
            {
                return;
            }

            var table = new PropTable<bool>(symbols, new[] { ("Amazon.CDK.AWS.Lambda.IFunctionOptions", "Timeout", true) });
            RegisterPropAssignmentAction(context, table, (ctx, assignment, _) =>
            {
                if (!Constant.TryGetDurationSeconds(assignment.Value, symbols, out var timeout) || timeout <= ApiGatewayLimitSeconds
                    || FunctionTriggers.FunctionOfProps(assignment.Assignment, ctx.CancellationToken) is not { } function
                    || ctx.ContainingSymbol?.ContainingType is not { } type)
                {
                    return;
                }

                foreach (var trigger in FunctionTriggers.Get(type, ctx.Operation, symbols, ctx.CancellationToken).Of(function))
                {
                    // An integration whose own timeout covers the function's (a raised quota) is a decision.
                    if (trigger.Kind != TriggerKind.Api || Constant.TryGetDurationSeconds(trigger.Timeout, symbols, out var integration) && integration >= timeout)
                    {
                        continue;
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty;
                    if (FunctionTriggers.OnlyApisInvoke(function, ctx.CancellationToken))
                    {
                        properties = properties.Add(ClampKey, "true");
                    }

                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3004, assignment.Value.Syntax.GetLocation(), properties,
                        $"{Name(function, symbols)} has a Timeout of {Seconds(timeout)} s, but API Gateway stops waiting after 29 s: callers get a 504 while the function runs on; keep it at 29 s or less"));
                    return;
                }
            });

            var sqsEventSource = symbols.Type("Amazon.CDK.AWS.Lambda.EventSources.SqsEventSource");
            context.RegisterOperationAction(
                ctx =>
                {
                    if (!CdkSymbols.InheritsFrom(ctx.Operation.Type, sqsEventSource)
                        || ctx.ContainingSymbol?.ContainingType is not { } type
                        || FunctionTriggers.Get(type, ctx.Operation, symbols, ctx.CancellationToken) is not { } triggers
                        || triggers.At(ctx.Operation) is not { Kind: TriggerKind.Queue, Function: { } function, Queue: { } queue }
                        || !TrySeconds(function, "Timeout", DefaultFunctionTimeout, symbols, ctx.CancellationToken, out var timeout)
                        || !TrySeconds(queue, "VisibilityTimeout", DefaultQueueVisibility, symbols, ctx.CancellationToken, out var visibility)
                        || visibility >= timeout)
                    {
                        return;
                    }

                    // One queue, several consumers: the fix raises it once, to what the slowest of them needs.
                    var slowest = timeout;
                    foreach (var consumer in triggers.ConsumersOf(queue))
                    {
                        if (consumer.Function is { } other && TrySeconds(other, "Timeout", DefaultFunctionTimeout, symbols, ctx.CancellationToken, out var t))
                        {
                            slowest = System.Math.Max(slowest, t);
                        }
                    }

                    var raised = System.Math.Min(6 * slowest, MaxQueueVisibility);
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3004, ctx.Operation.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(VisibilitySecondsKey, Seconds(raised)),
                        $"{Name(queue, symbols)} has a visibility timeout of {Seconds(visibility)} s, shorter than the {Seconds(timeout)} s timeout of {Name(function, symbols)}: AWS rejects this event source mapping; set the queue's VisibilityTimeout to at least the function's timeout (AWS recommends six times it)"));
                },
                OperationKind.ObjectCreation);
        }

        /// <summary>A construct's duration setting in seconds: its constant value, or AWS's default when props visibly leave it unset.</summary>
        private static bool TrySeconds(IOperation creation, string property, double defaultSeconds, CdkSymbols symbols, CancellationToken ct, out double seconds)
        {
            seconds = 0;
            if (!ConstructCreation.TryGet(creation, symbols, out var construct))
            {
                return false;
            }

            var props = PropsReader.Read(construct, ct);
            if (props.TryGet(property, out var set))
            {
                return Constant.TryGetDurationSeconds(set.Value, symbols, out seconds);
            }

            seconds = defaultSeconds;
            return props.IsComplete;
        }

        private static string Name(IOperation creation, CdkSymbols symbols)
            => ConstructCreation.TryGet(creation, symbols, out var construct) ? construct.DisplayName : creation.Type?.Name ?? "The construct";

        private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}

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
    /// CDK3004. A function's timeout must fit what invokes it. API Gateway stops waiting after 29 seconds for a REST API
    /// and after 30 for an HTTP API, so a longer timeout only lets the function run on after the caller got a 504; the
    /// message and the clamp use the limit of the API that invokes the function (the shorter one when both do). An SQS
    /// event source needs the queue's visibility timeout to be at least the function's timeout, or AWS rejects the
    /// mapping (otherwise a message would reappear while still being processed). Unset values are AWS's defaults:
    /// 3 seconds for a function, 30 for a queue.
    /// </summary>
    public sealed class LambdaTimeoutExceedsTriggerAnalyzer : CdkAnalyzer
    {
        public const string ClampKey = "Clamp";
        public const string VisibilitySecondsKey = "VisibilitySeconds";

        /// <summary>How long a REST API waits for a Lambda integration (the default integration timeout quota).</summary>
        private const double RestApiLimitSeconds = 29;

        /// <summary>How long an HTTP API waits: its integration timeout defaults to, and cannot exceed, 30 seconds.</summary>
        private const double HttpApiLimitSeconds = 30;
        private const double DefaultFunctionTimeout = 3;
        private const double DefaultQueueVisibility = 30;
        private const double MaxQueueVisibility = 43200; // SQS's maximum, 12 hours

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK3004);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.IFunctionOptions is null)
            {
                return;
            }

            var table = new PropTable<bool>(symbols, new[] { ("Amazon.CDK.AWS.Lambda.IFunctionOptions", "Timeout", true) });
            RegisterPropAssignmentAction(context, table, (ctx, assignment, _) =>
            {
                if (!Constant.TryGetDurationSeconds(assignment.Value, symbols, out var timeout) || timeout <= System.Math.Min(RestApiLimitSeconds, HttpApiLimitSeconds)
                    || FunctionTriggers.FunctionOfProps(assignment.Assignment, ctx.CancellationToken) is not { } function
                    || ctx.ContainingSymbol?.ContainingType is not { } type)
                {
                    return;
                }

                // The tightest wait among the APIs that invoke the function and would give up before it finishes.
                double? limit = null;
                var http = false;
                foreach (var trigger in FunctionTriggers.Get(type, ctx.Operation, symbols, ctx.CancellationToken).Of(function))
                {
                    // An integration whose own timeout covers the function's (a raised quota) is a decision.
                    if (trigger.Kind != TriggerKind.Api || Constant.TryGetDurationSeconds(trigger.Timeout, symbols, out var integration) && integration >= timeout)
                    {
                        continue;
                    }

                    var wait = trigger.IsHttpApi ? HttpApiLimitSeconds : RestApiLimitSeconds;
                    if (timeout > wait && (limit is null || wait < limit))
                    {
                        limit = wait;
                        http = trigger.IsHttpApi;
                    }
                }

                if (limit is not { } seconds)
                {
                    return;
                }

                // The clamp value travels with the diagnostic: the fix writes the limit the message quotes.
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (FunctionTriggers.OnlyApisInvoke(function, ctx.CancellationToken))
                {
                    properties = properties.Add(ClampKey, Seconds(seconds));
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3004, assignment.Value.Syntax.GetLocation(), properties,
                    $"{Name(function, symbols)} has a Timeout of {Seconds(timeout)} s, but {(http ? "an HTTP API" : "a REST API")} stops waiting after {Seconds(seconds)} s: callers get a 504 while the function runs on; keep it at {Seconds(seconds)} s or less"));
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

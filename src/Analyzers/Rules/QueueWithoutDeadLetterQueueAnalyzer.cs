using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1007. An SQS queue that a Lambda function consumes (<c>new SqsEventSource(queue)</c>, or an event source mapping
    /// whose <c>EventSourceArn</c> is the queue's <c>QueueArn</c>) and that has no <c>DeadLetterQueue</c>: a message that
    /// keeps failing is retried until its retention period ends and is then deleted unseen. Queues that serve as a
    /// dead-letter queue (another queue's, a function's, a subscription's or a target's) are left alone, and so are queues no function in view consumes.
    /// CDKN_SQS3 (the AwsSolutions pack, off by default) reports those other queues too, as cdk-nag's SQS3 does.
    /// </summary>
    public sealed class QueueWithoutDeadLetterQueueAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property: present when the queue is FIFO, so the fix's dead-letter queue must be too.</summary>
        internal const string FifoKey = "Fifo";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1007, Descriptors.Pack("SQS3"));

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.SQS.Queue") is not { } queue)
            {
                return;
            }

            var eventSource = symbols.Type("Amazon.CDK.AWS.Lambda.EventSources.SqsEventSource");
            var deadLetterQueue = symbols.Type("Amazon.CDK.AWS.SQS.DeadLetterQueue");
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!SymbolEqualityComparer.Default.Equals(creation.Type, queue))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (!props.IsComplete || props.TryGet("DeadLetterQueue", out _))
                {
                    return;
                }

                var consumed = false;
                foreach (var use in ConstructRelations.Uses(creation.Operation, ctx.CancellationToken))
                {
                    switch (Role(use, eventSource, deadLetterQueue))
                    {
                        case Use.DeadLetterQueue:
                            return;
                        case Use.Consumed:
                            consumed = true;
                            break;
                    }
                }

                if (consumed)
                {
                    var fifo = Constant.TryGetBool(props.ValueOf("Fifo"), out var isFifo) && isFifo
                        || Constant.TryGetString(props.ValueOf("QueueName"), out var name) && name.EndsWith(".fifo", System.StringComparison.Ordinal)
                        || Constant.TryGetBool(props.ValueOf("ContentBasedDeduplication"), out var dedup) && dedup;
                    var properties = fifo ? ImmutableDictionary<string, string?>.Empty.Add(FifoKey, "true") : ImmutableDictionary<string, string?>.Empty;
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1007, creation.Location, properties, creation.DisplayName));
                }
                else
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("SQS3"), creation.Location, creation.DisplayName, "has no DeadLetterQueue and is no other queue's dead-letter queue"));
                }
            });
        }

        private enum Use
        {
            Other,
            Consumed,
            DeadLetterQueue,
        }

        private static Use Role(IOperation use, INamedTypeSymbol? eventSource, INamedTypeSymbol? deadLetterQueue)
        {
            switch (use.Parent)
            {
                // new SqsEventSource(queue, …)
                case IArgumentOperation { Parent: IObjectCreationOperation source } when eventSource is not null && SymbolEqualityComparer.Default.Equals(source.Type, eventSource):
                    return Use.Consumed;

                // new DeadLetterQueue { Queue = queue } (another queue's), or DeadLetterQueue = queue anywhere else: a function's,
                // an SNS subscription's, an EventBridge or Scheduler target's (the queue itself is the value)
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment when assignment.Value == use
                    && (property.Name == "Queue" && SymbolEqualityComparer.Default.Equals(property.ContainingType, deadLetterQueue)
                        || property.Name == "DeadLetterQueue"):
                    return Use.DeadLetterQueue;

                // EventSourceArn = queue.QueueArn (an event source mapping's props or options)
                case IPropertyReferenceOperation { Property.Name: "QueueArn" } arn:
                    var outer = (IOperation)arn;
                    while (outer.Parent is IConversionOperation or IParenthesizedOperation)
                    {
                        outer = outer.Parent;
                    }

                    return outer.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "EventSourceArn" } } ? Use.Consumed : Use.Other;
                default:
                    return Use.Other;
            }
        }
    }
}

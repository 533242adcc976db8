using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.QueueWithoutDeadLetterQueueAnalyzer, CdkLint.CodeFixes.Rules.QueueWithoutDeadLetterQueueFixer>;

namespace CdkLint.Tests.Rules
{
    public class QueueWithoutDeadLetterQueueTests
    {
        private const string Usings = "using Amazon.CDK.AWS.Lambda.EventSources;\n";
        private const string Fn = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";

        [Theory, CdkVersions]
        public Task A_consumed_queue_gets_a_dead_letter_queue(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, $$"""
                        var orders = {|CDK1007:new Queue(this, "Orders", new QueueProps { VisibilityTimeout = Duration.Seconds(60) })|};
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}} });
                        worker.AddEventSource(new SqsEventSource(orders, new SqsEventSourceProps { BatchSize = 10 }));
            """),
            Code.StackWith(Usings, $$"""
                        var orders = new Queue(this, "Orders", new QueueProps { VisibilityTimeout = Duration.Seconds(60), DeadLetterQueue = new DeadLetterQueue { Queue = new Queue(this, "OrdersDlq", new QueueProps { RetentionPeriod = Duration.Days(14), EnforceSSL = true }), MaxReceiveCount = 5 } });
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}} });
                        worker.AddEventSource(new SqsEventSource(orders, new SqsEventSourceProps { BatchSize = 10 }));
            """));

        [Theory, CdkVersions]
        public Task A_fifo_queue_in_a_field_consumed_through_function_events_gets_a_fifo_dead_letter_queue(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, $$"""
                        Payments = {|CDK1007:new Queue(this, "Payments", new QueueProps { Fifo = true })|};
                        new Function(this, "Payer", new FunctionProps { {{Fn}}, Events = new IEventSource[] { new SqsEventSource(Payments) } });
            """, """
                    private Queue Payments;
            """),
            Code.StackWith(Usings, $$"""
                        Payments = new Queue(this, "Payments", new QueueProps { Fifo = true, DeadLetterQueue = new DeadLetterQueue { Queue = new Queue(this, "PaymentsDlq", new QueueProps { RetentionPeriod = Duration.Days(14), EnforceSSL = true, Fifo = true }), MaxReceiveCount = 3 } });
                        new Function(this, "Payer", new FunctionProps { {{Fn}}, Events = new IEventSource[] { new SqsEventSource(Payments) } });
            """, """
                    private Queue Payments;
            """),
            editorConfig: "cdklint.CDK1007.max_receive_count = 3");

        [Theory, CdkVersions]
        public Task Queues_made_in_a_loop_and_mapped_by_arn_are_flagged(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, $$"""
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}} });
                        foreach (var name in new[] { "Invoices", "Refunds" })
                        {
                            var queue = {|CDK1007:new Queue(this, name)|};
                            worker.AddEventSource(new SqsEventSource(queue));
                        }

                        var mapped = {|CDK1007:new Queue(this, "Mapped")|};
                        new EventSourceMapping(this, "MappedSource", new EventSourceMappingProps { Target = worker, EventSourceArn = mapped.QueueArn });
            """));

        [Theory, CdkVersions]
        public Task Queues_with_a_dead_letter_queue_dead_letter_queues_and_unconsumed_queues_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, $$"""
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}} });
                        var failed = new Queue(this, "Failed");
                        var orders = new Queue(this, "Orders", new QueueProps { DeadLetterQueue = new DeadLetterQueue { Queue = failed, MaxReceiveCount = 5 } });
                        worker.AddEventSource(new SqsEventSource(orders));
                        worker.AddEventSource(new SqsEventSource(failed));

                        var functionFailures = new Queue(this, "FunctionFailures");
                        var retried = new Function(this, "Retried", new FunctionProps { {{Fn}}, DeadLetterQueue = functionFailures });
                        retried.AddEventSource(new SqsEventSource(functionFailures));

                        var undelivered = new Queue(this, "Undelivered");
                        var alerts = new Topic(this, "Alerts");
                        alerts.AddSubscription(new Amazon.CDK.AWS.SNS.Subscriptions.LambdaSubscription(worker, new Amazon.CDK.AWS.SNS.Subscriptions.LambdaSubscriptionProps { DeadLetterQueue = undelivered }));
                        worker.AddEventSource(new SqsEventSource(undelivered));

                        var missedEvents = new Queue(this, "MissedEvents");
                        new Amazon.CDK.AWS.Events.Rule(this, "Nightly", new Amazon.CDK.AWS.Events.RuleProps
                        {
                            Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(Duration.Days(1)),
                            Targets = new Amazon.CDK.AWS.Events.IRuleTarget[] { new Amazon.CDK.AWS.Events.Targets.LambdaFunction(worker, new Amazon.CDK.AWS.Events.Targets.LambdaFunctionProps { DeadLetterQueue = missedEvents }) },
                        });
                        worker.AddEventSource(new SqsEventSource(missedEvents));

                        var audit = new Queue(this, "Audit");
                        audit.GrantConsumeMessages(worker);
                        new Queue(this, "Unused");
            """));

        [Theory, CdkVersions]
        public Task Props_from_elsewhere_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, $$"""
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}} });
                        worker.AddEventSource(new SqsEventSource(new Queue(this, "Given", given)));
            """, parameters: ", QueueProps given"));
    }
}

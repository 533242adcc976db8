using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK1007: <c>DeadLetterQueue = new DeadLetterQueue { Queue = new Queue(scope, id + "Dlq", …), MaxReceiveCount = 5 }</c>
    /// in the queue's own props. The new queue keeps messages 14 days, denies plain HTTP (<c>EnforceSSL = true</c>) and is
    /// FIFO when the source is (SQS rejects a standard dead-letter queue for a FIFO queue only at deploy time).
    /// <c>MaxReceiveCount</c> comes from option <c>cdklint.CDK1007.max_receive_count</c> (1–1000), 5 when unset.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueueWithoutDeadLetterQueueFixer)), Shared]
    public sealed class QueueWithoutDeadLetterQueueFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1007.Id);

        internal override string EquivalenceKey => "CDK1007.DeadLetterQueue";

        internal override string Title(Diagnostic diagnostic) => "Add a dead-letter queue (in place: a new queue keeps the messages that keep failing)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic) => null;

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
        {
            if (creation.Argument("scope")?.Syntax is not ExpressionSyntax scope || creation.IdArgument?.Syntax is not ExpressionSyntax id)
            {
                return false;
            }

            var count = "5";
            if (context.TryGetOption(Descriptors.CDK1007.Id, OptionKeys.MaxReceiveCount, out _)
                && !context.TryGetNumberOption(Descriptors.CDK1007.Id, OptionKeys.MaxReceiveCount, 1, 1000, integer: true, out count))
            {
                return false; // a value SQS would refuse: no fix rather than another count
            }

            var fifo = diagnostic.Properties.ContainsKey(QueueWithoutDeadLetterQueueAnalyzer.FifoKey) ? ", Fifo = true" : string.Empty;
            var value = PropsEditing.ParseQualified(
                $"new global::Amazon.CDK.AWS.SQS.DeadLetterQueue {{ Queue = new global::Amazon.CDK.AWS.SQS.Queue({scope.WithoutTrivia()}, {Ids.Derived(id, "Dlq")}, new global::Amazon.CDK.AWS.SQS.QueueProps {{ RetentionPeriod = global::Amazon.CDK.Duration.Days(14), EnforceSSL = true{fifo} }}), MaxReceiveCount = {count} }}");
            return OwnedSetting.TryAdd(context, editor, additions, creation, "DeadLetterQueue", value);
        }
    }
}

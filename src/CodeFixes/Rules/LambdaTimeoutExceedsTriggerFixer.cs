using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK3004: clamp the function's timeout to the wait of the API that invokes it — 29 seconds for a REST API, 30 for
    /// an HTTP API, as the diagnostic carries it — only when API Gateway is its only trigger (a queue or a schedule may
    /// need the longer timeout) — or raise the queue's visibility timeout to six times the function's,
    /// AWS's recommendation for SQS event sources. Fix All writes each queue once, with the largest value its functions need.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LambdaTimeoutExceedsTriggerFixer)), Shared]
    public sealed class LambdaTimeoutExceedsTriggerFixer : CodeFixProvider
    {
        public const string ClampKey = "CDK3004.Clamp29";
        public const string RaiseKey = "CDK3004.RaiseVisibility";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK3004.Id);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var single = ImmutableArray.Create(diagnostic);
                if (diagnostic.Properties.ContainsKey(LambdaTimeoutExceedsTriggerAnalyzer.ClampKey))
                {
                    context.RegisterCodeFix(CodeAction.Create($"Clamp the timeout to API Gateway's {ClampSeconds(diagnostic)} seconds", ct => ApplyAsync(context.Document, single, ct)!, ClampKey), diagnostic);
                }
                else if (diagnostic.Properties.TryGetValue(LambdaTimeoutExceedsTriggerAnalyzer.VisibilitySecondsKey, out var seconds) && seconds is not null)
                {
                    context.RegisterCodeFix(CodeAction.Create($"Raise the queue's visibility timeout to {seconds} s (six times the function's)", ct => ApplyAsync(context.Document, single, ct)!, RaiseKey), diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>
        /// The limit the analyzer put in the clamp property ("29" for a REST API, "30" for an HTTP API), as a whole
        /// number of seconds; 29, the limit every API Gateway API meets, when the value cannot be read.
        /// </summary>
        private static string ClampSeconds(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(LambdaTimeoutExceedsTriggerAnalyzer.ClampKey, out var text)
               && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 30
                ? seconds.ToString(CultureInfo.InvariantCulture)
                : "29";


        private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (CdkSymbols.Get(editor.SemanticModel.Compilation) is not { } symbols)
            {
                return null;
            }

            // Queue → the visibility it needs: the largest any of its functions asks for.
            var queues = new Dictionary<SyntaxNode, (ConstructCreation Queue, double Seconds)>();
            foreach (var diagnostic in diagnostics)
            {
                var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                node = node is ArgumentSyntax a ? a.Expression : node;
                if (diagnostic.Properties.ContainsKey(LambdaTimeoutExceedsTriggerAnalyzer.ClampKey))
                {
                    editor.ReplaceNode(node, PropsEditing.QualifiedExpression("global::Amazon.CDK.Duration.Seconds(" + ClampSeconds(diagnostic) + ")").WithTriviaFrom(node));
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(LambdaTimeoutExceedsTriggerAnalyzer.VisibilitySecondsKey, out var text)
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    && editor.SemanticModel.GetOperation(node, cancellationToken) is IObjectCreationOperation source
                    && source.Arguments.Length > 0
                    && ConstructRelations.Resolve(source.Arguments[0].Value, cancellationToken) is { } queueOp
                    && ConstructCreation.TryGet(queueOp, symbols, out var queue))
                {
                    queues[queueOp.Syntax] = queues.TryGetValue(queueOp.Syntax, out var known) && known.Seconds >= seconds ? known : (queue, seconds);
                }
            }

            var additions = new PropsAdditions();
            foreach (var (queue, seconds) in queues.Values)
            {
                var duration = PropsEditing.QualifiedExpression("global::Amazon.CDK.Duration.Seconds(" + seconds.ToString("0.###", CultureInfo.InvariantCulture) + ")");
                var props = PropsReader.Read(queue, cancellationToken);
                if (props.TryGet("VisibilityTimeout", out var set))
                {
                    editor.ReplaceNode(set.Value.Syntax, duration.WithTriviaFrom(set.Value.Syntax));
                }
                else
                {
                    additions.TryAdd(queue, symbols, new (string, ExpressionSyntax)[] { ("VisibilityTimeout", duration) }, cancellationToken);
                }
            }

            additions.Apply(editor);
            return editor.GetChangedDocument();
        }
    }
}

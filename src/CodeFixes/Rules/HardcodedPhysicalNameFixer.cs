using System;
using System.Collections.Immutable;
using System.Composition;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Kinds = CdkLint.Rules.HardcodedPhysicalNameAnalyzer.NameKinds;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK1001: (a) remove the name so CloudFormation generates one; (b) append the environment suffix found in scope.
    /// Both rename the resource, so on a deployed stack CloudFormation replaces it: the titles say so.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedPhysicalNameFixer)), Shared]
    public sealed class HardcodedPhysicalNameFixer : CodeFixProvider
    {
        public const string RemoveKey = "CDK1001.Remove";
        public const string SuffixKey = "CDK1001.Suffix";
        private const int S3MaxLength = 63;

        /// <summary>Room kept for "-" and the suffix in an S3 name: a suffix of up to 11 characters ("development") fits.</summary>
        private const int S3SuffixRoom = 12;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1001.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (value is ArgumentSyntax argument)
                {
                    value = argument.Expression;
                }

                if (value.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != value
                    || !diagnostic.Properties.TryGetValue(HardcodedPhysicalNameAnalyzer.ValueProperty, out var name) || name is null
                    || diagnostic.Properties.TryGetValue(HardcodedPhysicalNameAnalyzer.ReusedProperty, out var reused) && reused == "true")
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(HardcodedPhysicalNameAnalyzer.KindProperty, out var kind);
                if (diagnostic.Properties.TryGetValue(HardcodedPhysicalNameAnalyzer.RemovableProperty, out var removable) && removable == "true")
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Let CloudFormation name the resource (replaces a deployed resource)",
                            ct => RemoveAsync(context.Document, assignment, ct),
                            RemoveKey),
                        diagnostic);
                }

                var suffix = InScope.FindEnvironmentName(model, value.SpanStart, InScope.SuffixFirst, context.CancellationToken);
                if (suffix is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Append the environment suffix '{suffix}' to the name (replaces a deployed resource)",
                            ct => AppendSuffixAsync(context.Document, value, name, kind ?? Kinds.Plain, suffix, ct),
                            SuffixKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            PropsEditing.RemoveAssignment(editor, assignment);
            return editor.GetChangedDocument();
        }

        private static async Task<Document> AppendSuffixAsync(Document document, SyntaxNode value, string name, string kind, string suffix, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var ending = string.Empty;
            if (kind == Kinds.Fifo && name.EndsWith(".fifo", StringComparison.Ordinal))
            {
                ending = ".fifo";
                name = name.Substring(0, name.Length - ending.Length);
            }

            var hole = suffix;
            if (kind == Kinds.S3 || kind == Kinds.LowerCase)
            {
                // S3 bucket and ECR repository names are lower case: lower the constant part and the suffix.
                name = name.ToLowerInvariant();
                hole = suffix + ".ToLowerInvariant()";
            }

            if (kind == Kinds.S3 && name.Length > S3MaxLength - S3SuffixRoom)
            {
                // S3 names are at most 63 characters: leave room for the suffix.
                name = name.Substring(0, S3MaxLength - S3SuffixRoom).TrimEnd('-', '.');
            }

            var text = new StringBuilder("$\"").Append(Escape(name)).Append("-{").Append(hole).Append('}').Append(Escape(ending)).Append('"').ToString();
            var replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(value);
            return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
        }

        private static string Escape(string text)
            => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
    }
}

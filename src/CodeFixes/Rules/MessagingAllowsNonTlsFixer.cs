using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK2006: <c>EnforceSSL = true</c> on a queue, and on a topic where CDK writes its deny (2.178 and later); on older
    /// CDK a topic held in a local or a field gets the deny by hand, in the statement after its creation:
    /// <c>topic.AddToResourcePolicy(new PolicyStatement(…))</c> denying <c>sns:Publish</c> to every principal when
    /// <c>aws:SecureTransport</c> is false. Either way the resource is updated in place (a policy is added).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MessagingAllowsNonTlsFixer)), Shared]
    public sealed class MessagingAllowsNonTlsFixer : TrueSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2006.Id);

        internal override string EquivalenceKey => "CDK2006.DenyPlainHttp";

        internal override string Title(Diagnostic diagnostic) => "Deny requests over plain HTTP (in place: a resource policy is added)";

        internal override string Property => "EnforceSSL";

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(MessagingAllowsNonTlsAnalyzer.TopicPolicyKey))
            {
                return base.TryFixCreation(context, editor, additions, creation, diagnostic);
            }

            if (!TryFindHolder(context.Model, creation.Operation.Syntax, out var statement, out var holder))
            {
                return false;
            }

            var call = PropsEditing.QualifiedExpression(
                $$"""
                {{holder}}.AddToResourcePolicy(new global::Amazon.CDK.AWS.IAM.PolicyStatement(new global::Amazon.CDK.AWS.IAM.PolicyStatementProps
                {
                    Effect = global::Amazon.CDK.AWS.IAM.Effect.DENY,
                    Principals = new global::Amazon.CDK.AWS.IAM.IPrincipal[] { new global::Amazon.CDK.AWS.IAM.AnyPrincipal() },
                    Actions = new[] { "sns:Publish" },
                    Resources = new[] { {{holder}}.TopicArn },
                    Conditions = new global::System.Collections.Generic.Dictionary<string, object>
                    {
                        ["Bool"] = new global::System.Collections.Generic.Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                    },
                }))
                """);
            var added = SyntaxFactory.ExpressionStatement(call)
                .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
            editor.InsertAfter(statement, added);
            return true;
        }

        /// <summary>
        /// `var topic = new Topic(…);` (the local) or `alerts = new Topic(…);` (a field), as a statement of a block: the
        /// holders the analyzer follows to find the deny (a property is not followed, so the fix would not settle it).
        /// </summary>
        private static bool TryFindHolder(SemanticModel model, SyntaxNode creation, out StatementSyntax statement, out string holder)
        {
            statement = null!;
            holder = string.Empty;
            switch (creation.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                    when declarator.Parent?.Parent is LocalDeclarationStatementSyntax { Parent: BlockSyntax } local:
                    statement = local;
                    holder = declarator.Identifier.ValueText;
                    return true;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } assignment
                    when assignment.Right == creation && assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } expression
                         && model.GetSymbolInfo(assignment.Left).Symbol is IFieldSymbol or ILocalSymbol:
                    statement = expression;
                    holder = assignment.Left.WithoutTrivia().ToString();
                    return true;
                default:
                    return false;
            }
        }
    }
}

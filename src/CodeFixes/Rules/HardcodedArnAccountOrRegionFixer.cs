using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK1005: rewrite the ARN as an interpolated string with <c>{Aws.ACCOUNT_ID}</c> / <c>{Aws.REGION}</c> — each only
    /// where the literal equals the stack's own constant <c>Env.Account</c> / <c>Env.Region</c> (every creation of the
    /// stack agrees on it). Anything else is a cross-account or cross-region reference, or an environment-agnostic stack,
    /// where the pseudo parameters would point somewhere else: no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedArnAccountOrRegionFixer)), Shared]
    public sealed class HardcodedArnAccountOrRegionFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK1005.PseudoParameters";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1005.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null || CdkSymbols.Get(model.Compilation) is not { } symbols)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || literal.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration
                    || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol stack
                    || !CdkSymbols.InheritsFrom(stack, symbols.Stack))
                {
                    continue;
                }

                var (account, region) = StackEnvironment(context.Document.Project, stack, symbols, context.CancellationToken);
                diagnostic.Properties.TryGetValue(HardcodedArnAccountOrRegionAnalyzer.AccountProperty, out var arnAccount);
                diagnostic.Properties.TryGetValue(HardcodedArnAccountOrRegionAnalyzer.RegionProperty, out var arnRegion);
                var replaceAccount = arnAccount is not null && arnAccount == account;
                var replaceRegion = arnRegion is not null && arnRegion == region;
                if (!replaceAccount && !replaceRegion)
                {
                    continue;
                }

                // `Aws` where the user's usings reach Amazon.CDK.Aws, the qualified name otherwise.
                var aws = model.LookupSymbols(literal.SpanStart, name: "Aws") is { Length: 1 } found
                    && SymbolEqualityComparer.Default.Equals(found[0], symbols.Type("Amazon.CDK.Aws"))
                    ? "Aws"
                    : "global::Amazon.CDK.Aws";
                var replacement = Interpolated(literal.Token.ValueText, aws, replaceRegion, replaceAccount);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use the stack's own account and region (Aws.ACCOUNT_ID / Aws.REGION)",
                        ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement.WithTriviaFrom(literal)))),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>arn:partition:service:region:account:resource with the chosen fields as pseudo parameters.</summary>
        private static ExpressionSyntax Interpolated(string arn, string aws, bool region, bool account)
        {
            var fields = arn.Split(new[] { ':' }, 6);
            var text = new StringBuilder("$\"");
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(':');
                }

                text.Append(i == 3 && region ? "{" + aws + ".REGION}"
                    : i == 4 && account ? "{" + aws + ".ACCOUNT_ID}"
                    : Escape(fields[i]));
            }

            return Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(text.Append('"').ToString());
        }

        private static string Escape(string text)
            => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");

        /// <summary>
        /// The constant account and region every creation of <paramref name="stack"/> in the project gives it (or its own
        /// base call does); null for a field that is not constant or not the same everywhere.
        /// </summary>
        private static (string? Account, string? Region) StackEnvironment(Project project, INamedTypeSymbol stack, CdkSymbols symbols, CancellationToken cancellationToken)
        {
            var accounts = new List<string?>();
            var regions = new List<string?>();
            (string? Account, string? Region)? pinned = null;
            foreach (var document in project.Documents)
            {
                var root = document.GetSyntaxRootAsync(cancellationToken).GetAwaiter().GetResult();
                if (root is null || !root.DescendantTokens().Any(t => t.ValueText == stack.Name))
                {
                    continue;
                }

                var model = document.GetSemanticModelAsync(cancellationToken).GetAwaiter().GetResult();
                foreach (var node in root.DescendantNodes().Where(n => n is ObjectCreationExpressionSyntax or ConstructorInitializerSyntax))
                {
                    var operation = model?.GetOperation(node, cancellationToken);
                    var (type, arguments) = operation switch
                    {
                        IObjectCreationOperation create => (create.Type, create.Arguments),
                        IInvocationOperation call when node is ConstructorInitializerSyntax && SymbolEqualityComparer.Default.Equals(model!.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType, stack) => ((ITypeSymbol?)stack, call.Arguments),
                        _ => (null, default),
                    };
                    if (!SymbolEqualityComparer.Default.Equals(type, stack))
                    {
                        continue;
                    }

                    var props = arguments.FirstOrDefault(a => a.Parameter?.Name == "props");
                    if (props is null || props.ArgumentKind == ArgumentKind.DefaultValue || ConstructCreation.Unwrap(props.Value) is IParameterReferenceOperation)
                    {
                        if (operation is IObjectCreationOperation)
                        {
                            accounts.Add(null);
                            regions.Add(null);
                        }

                        continue; // a base call that forwards its props: the creations decide
                    }

                    var env = PropsReader.Read(PropsReader.Read(props.Value, cancellationToken).ValueOf("Env"), cancellationToken);
                    var account = Constant.TryGetString(env.ValueOf("Account"), out var a) ? a : null;
                    var region = Constant.TryGetString(env.ValueOf("Region"), out var r) ? r : null;
                    if (operation is IInvocationOperation)
                    {
                        pinned = (account, region); // the stack builds its own props: creations cannot change them
                        continue;
                    }

                    accounts.Add(account);
                    regions.Add(region);
                }
            }

            return pinned ?? (Agreed(accounts), Agreed(regions));
        }

        private static string? Agreed(List<string?> values)
            => values.Count > 0 && values.All(v => v is not null && v == values[0]) ? values[0] : null;
    }
}

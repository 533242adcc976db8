using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Cdk;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK2003: replace <c>grantee.AddToRolePolicy(new PolicyStatement(…))</c> with the narrowest <c>Grant…</c> call of the
    /// one construct the statement targets (the construct whose ARN attributes are its resources or, for resource `*`,
    /// the only construct of the actions' service in the same method). The grant covers every explicit action, and
    /// `service:*` becomes the read/write grant. Statements with conditions, principals or other settings, several
    /// targets or several services get no fix: there is no safe rewrite, and guessing actions is not one.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WildcardIamPermissionFixer)), Shared]
    public sealed class WildcardIamPermissionFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK2003.Grant";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2003.Id);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (plan is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Replace the statement with {plan.Value.Replacement} (least privilege)",
                        ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!,
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var done = new HashSet<SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan && done.Add(plan.Statement))
                {
                    editor.ReplaceNode(plan.Statement, SyntaxFactory.ParseStatement(plan.Replacement + ";").WithTriviaFrom(plan.Statement));
                }
            }

            return done.Count == 0 ? null : editor.GetChangedDocument();
        }

        private static async Task<(StatementSyntax Statement, string Replacement)?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || CdkSymbols.Get(model.Compilation) is not { } symbols)
            {
                return null;
            }

            // The statement creation around the finding, passed straight to AddToRolePolicy / AddToPolicy / AddToPrincipalPolicy.
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var creationSyntax = node.AncestorsAndSelf().OfType<ObjectCreationExpressionSyntax>()
                .FirstOrDefault(c => model.GetTypeInfo(c, cancellationToken).Type?.ToDisplayString() == "Amazon.CDK.AWS.IAM.PolicyStatement");
            if (creationSyntax is null || model.GetOperation(creationSyntax, cancellationToken) is not IObjectCreationOperation { Arguments.Length: 1 } creation
                || PolicySinks.Of(creation, cancellationToken) is not { Kind: SinkKind.Identity, AttachCall: { Instance: { } grantee } attach }
                || attach.Parent is not IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement }
                || ConstructCreation.Unwrap(creation.Arguments[0].Value) is not IObjectCreationOperation { Initializer: { } initializer })
            {
                return null;
            }

            var props = PropsReader.Read(creation.Arguments[0].Value, cancellationToken);
            if (props.Assignments.Any(a => a.Name is not ("Actions" or "Resources" or "Effect")) || initializer.Initializers.Length != props.Assignments.Length)
            {
                return null; // conditions, principals, Sid…: dropping them would change more than the wildcard
            }

            var actions = new List<string>();
            foreach (var element in Collections.Elements(props.ValueOf("Actions")))
            {
                if (!Constant.TryGetString(element, out var action) || action == "*" || action.IndexOf(':') <= 0)
                {
                    return null;
                }

                actions.Add(action);
            }

            var services = actions.Select(a => a.Substring(0, a.IndexOf(':'))).Distinct().ToList();
            if (services.Count != 1)
            {
                return null;
            }

            var target = Target(props.ValueOf("Resources"), services[0], creation, symbols, cancellationToken);
            if (target is null)
            {
                return null;
            }

            var (holder, set) = target.Value;
            var method = Narrowest(set, actions, holder.Type);
            return method is null ? null : (statement, $"{holder.Name}.{method}({grantee.Syntax})");
        }

        /// <summary>The one construct the statement's resources point at, with the grant table of its type.</summary>
        private static (ILocalSymbol Holder, GrantSet Set)? Target(IOperation? resources, string service, IOperation anywhere, CdkSymbols symbols, CancellationToken cancellationToken)
        {
            var elements = Collections.Elements(resources).ToList();
            if (elements.Count == 0)
            {
                return null;
            }

            ILocalSymbol? holder = null;
            if (elements.All(e => Constant.TryGetString(e, out var text) && text == "*"))
            {
                // Resource `*`: the only construct of the service created in this method.
                var candidates = new List<ILocalSymbol>();
                foreach (var op in OperationTree.Root(anywhere).Descendants())
                {
                    if (op is IVariableDeclaratorOperation declarator && ConstructCreation.Unwrap(declarator.Initializer?.Value) is IObjectCreationOperation { Type: { } type }
                        && SetFor(type, symbols) is { } s && s.Service == service)
                    {
                        candidates.Add(declarator.Symbol);
                    }
                }

                holder = candidates.Count == 1 ? candidates[0] : null;
            }
            else
            {
                // ARN attributes of one local: `table.TableArn`, `bucket.BucketArn`, `bucket.ArnForObjects("*")`.
                foreach (var element in elements)
                {
                    var instance = element switch
                    {
                        IPropertyReferenceOperation { Instance: { } i } => ConstructCreation.Unwrap(i),
                        IInvocationOperation { TargetMethod.Name: "ArnForObjects", Instance: { } i } => ConstructCreation.Unwrap(i),
                        _ => null,
                    };
                    if (instance is not ILocalReferenceOperation local || holder is not null && !SymbolEqualityComparer.Default.Equals(holder, local.Local))
                    {
                        return null;
                    }

                    holder = local.Local;
                }
            }

            return holder is not null && SetFor(holder.Type, symbols) is { } set && set.Service == service ? (holder, set) : null;
        }

        private static GrantSet? SetFor(ITypeSymbol type, CdkSymbols symbols)
            => IamTables.Grants.FirstOrDefault(g => CdkSymbols.InheritsFrom(type, symbols.Type(g.Construct)));

        /// <summary>The narrowest grant whose actions cover every explicit action; `service:*` means the read/write grant.</summary>
        private static string? Narrowest(GrantSet set, List<string> actions, ITypeSymbol type)
        {
            if (actions.Any(a => a.EndsWith(":*", System.StringComparison.Ordinal)))
            {
                return actions.Count == 1 && set.ReadWrite is { } readWrite && HasMethod(type, readWrite) ? readWrite : null;
            }

            foreach (var (method, granted) in set.Methods)
            {
                if (HasMethod(type, method) && actions.All(a => granted.Any(g => IamTables.Matches(set.Service + ":" + g, a))))
                {
                    return method;
                }
            }

            return null;
        }

        private static bool HasMethod(ITypeSymbol type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.GetMembers(name).Any(m => m is IMethodSymbol { DeclaredAccessibility: Accessibility.Public }))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

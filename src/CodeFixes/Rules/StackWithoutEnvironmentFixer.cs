using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// CDK1003: <c>Env = new Environment { Account = CDK_DEFAULT_ACCOUNT, Region = CDK_DEFAULT_REGION }</c> — the account
    /// and region the CLI resolves from the caller's credentials at synth. Props are created only where that is safe
    /// (a plain StackProps-like parameter that the constructor hands to <c>base</c>), and there is no fix for a stack
    /// that creates a VPC without <c>MaxAzs</c>/<c>AvailabilityZones</c>: with an explicit environment the VPC spans
    /// every zone of the region instead of two, which replaces its subnets.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StackWithoutEnvironmentFixer)), Shared]
    public sealed class StackWithoutEnvironmentFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK1003.Env";

        private const string Environment =
            "new global::Amazon.CDK.Environment { Account = global::System.Environment.GetEnvironmentVariable(\"CDK_DEFAULT_ACCOUNT\"), Region = global::System.Environment.GetEnvironmentVariable(\"CDK_DEFAULT_REGION\") }";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1003.Id);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Deploy the stack to the account and region of the CLI (CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION)",
                        ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!,
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var model = editor.SemanticModel;
            if (CdkSymbols.Get(model.Compilation) is not { } symbols || symbols.Type("Amazon.CDK.IStackProps") is not { } stackProps)
            {
                return null;
            }

            var additions = new PropsAdditions();
            var settings = new[] { ("Env", PropsEditing.ParseQualified(Environment)) };
            foreach (var diagnostic in diagnostics)
            {
                var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (model.GetOperation(node, cancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } creation
                    || node is not BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments }
                    || CreatesVpcWithoutZoneCount(constructor.ContainingType, symbols, cancellationToken))
                {
                    continue;
                }

                var props = StackWithoutEnvironmentAnalyzer.PropsArgument(creation, stackProps);
                if (props is { ArgumentKind: not ArgumentKind.DefaultValue })
                {
                    // `Env = …` must land on CDK's Env: a props class that declares its own Env (hiding it with `new`,
                    // perhaps with another type) would take the assignment, and the stack would stay environment-agnostic.
                    if (!EnvIsCdks(ConstructCreation.Unwrap(props.Value)?.Type, stackProps)
                        || !EnvIsCdks(PropsReader.Read(props.Value, cancellationToken).Type, stackProps))
                    {
                        continue;
                    }

                    additions.TryAdd(props.Value, ClassFor(props.Parameter!.Type, symbols), settings, cancellationToken);
                }
                else if (props?.Parameter is { } parameter && ClassFor(parameter.Type, symbols) is { } className && PassesToBase(constructor, parameter.Name, cancellationToken))
                {
                    var positional = parameter.Ordinal == arguments.Arguments.Count && arguments.Arguments.All(a => a.NameColon is null);
                    additions.AddArgument(arguments, className, positional ? null : parameter.Name, settings);
                }
            }

            if (!additions.HasWork)
            {
                return null;
            }

            additions.Apply(editor);
            return editor.GetChangedDocument();
        }

        /// <summary>
        /// True when <c>Env</c> written on an object of <paramref name="type"/> binds to CDK's <c>IStackProps.Env</c>
        /// (null type: nothing to check). A type with an Env of its own — hiding StackProps.Env — does not qualify.
        /// </summary>
        private static bool EnvIsCdks(ITypeSymbol? type, INamedTypeSymbol stackProps)
            => type is null
               || type.TypeKind != TypeKind.Error && CdkSymbols.IsInterfaceProperty(CdkSymbols.PropertyNamed(type, "Env"), stackProps, "Env");

        /// <summary>
        /// The props class to create for a parameter: StackProps for IStackProps, or a class with a public parameterless
        /// constructor and no <c>required</c> members (anything else needs values only the team knows), whose
        /// <c>Env</c> is CDK's.
        /// </summary>
        private static string? ClassFor(ITypeSymbol type, CdkSymbols symbols)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.Type("Amazon.CDK.IStackProps")) ? "Amazon.CDK.StackProps" : null;
            }

            if (type is not INamedTypeSymbol { IsAbstract: false } named
                || !named.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public)
                || symbols.Type("Amazon.CDK.IStackProps") is not { } stackProps || !EnvIsCdks(named, stackProps))
            {
                return null;
            }

            for (var t = named; t is not null; t = t.BaseType)
            {
                if (t.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
                {
                    return null;
                }
            }

            return named.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
        }

        /// <summary>True when the stack's constructor hands the props parameter to <c>base</c> (directly or as `props ?? …`).</summary>
        private static bool PassesToBase(IMethodSymbol constructor, string parameter, CancellationToken cancellationToken)
        {
            if (constructor.DeclaringSyntaxReferences.Length != 1)
            {
                return true; // a library stack: its constructor forwards its props
            }

            if (constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax { Initializer: { } initializer })
            {
                return false;
            }

            return initializer.ArgumentList.Arguments.Any(a =>
                a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == parameter
                || a.Expression is BinaryExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == parameter);
        }

        /// <summary>
        /// A VPC created by the stack without MaxAzs or AvailabilityZones: an environment-agnostic stack gives it two
        /// zones, an explicit environment every zone of the region — a different VPC.
        /// </summary>
        private static bool CreatesVpcWithoutZoneCount(INamedTypeSymbol stack, CdkSymbols symbols, CancellationToken cancellationToken)
        {
            var vpc = symbols.Type("Amazon.CDK.AWS.EC2.Vpc");
            if (vpc is null)
            {
                return false;
            }

            var vpcs = 0;
            var zoneSettings = 0;
            foreach (var reference in stack.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case ObjectCreationExpressionSyntax { Type: var type } when type.ToString() is "Vpc" or "EC2.Vpc" or "Amazon.CDK.AWS.EC2.Vpc":
                            vpcs++;
                            break;
                        case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } when name.Identifier.ValueText is "MaxAzs" or "AvailabilityZones":
                        case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MaxAzs" or "AvailabilityZones" } }:
                            zoneSettings++;
                            break;
                    }
                }
            }

            return vpcs > zoneSettings;
        }
    }
}

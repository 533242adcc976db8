using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4001. Cost allocation, ownership and incident routing rely on tags every resource carries. A tag reaches a
    /// stack's resources when it is added to the stack itself (<c>Amazon.CDK.Tags.Of(this).Add</c>, also in a base
    /// stack class or its own base call's <c>StackProps.Tags</c>), to every creation of the stack (<c>StackProps.Tags</c>,
    /// <c>Tags.Of(stack)</c>), or to an enclosing <c>App</c> or <c>Stage</c> (tags propagate down the construct tree).
    /// The whole compilation is read before a stack is judged, because the App usually lives in another file.
    /// Nested stacks are judged through their parent.
    /// </summary>
    public sealed class StackMissingRequiredTagsAnalyzer : CdkAnalyzer
    {
        internal const string MissingProperty = "missing";
        private const string DefaultRequiredTags = "Environment,Owner";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4001);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var tags = symbols.Type("Amazon.CDK.Tags");
            var stage = symbols.Type("Amazon.CDK.Stage");
            var app = symbols.Type("Amazon.CDK.App");
            var nestedStack = symbols.Type("Amazon.CDK.NestedStack");
            if (tags is null || stage is null)
            {
                return;
            }

            var facts = new Facts();
            context.RegisterOperationAction(ctx => facts.OnInvocation((IInvocationOperation)ctx.Operation, tags, stage, app, symbols), OperationKind.Invocation);
            context.RegisterOperationAction(ctx => facts.OnCreation((IObjectCreationOperation)ctx.Operation, symbols, nestedStack), OperationKind.ObjectCreation);
            context.RegisterSymbolAction(
                ctx =>
                {
                    var type = (INamedTypeSymbol)ctx.Symbol;
                    if (CdkSymbols.InheritsFrom(type, symbols.Stack) && !CdkSymbols.InheritsFrom(type, nestedStack) && !type.IsAbstract)
                    {
                        facts.Stacks.Add(type);
                    }
                },
                SymbolKind.NamedType);
            context.RegisterCompilationEndAction(ctx => facts.Report(ctx));
        }

        /// <summary>What the compilation says about tags, gathered concurrently and judged at the end.</summary>
        private sealed class Facts
        {
            public readonly ConcurrentBag<INamedTypeSymbol> Stacks = new();
            private readonly TagKeys _app = new();
            private readonly ConcurrentDictionary<ISymbol, TagKeys> _byTarget = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentBag<(INamedTypeSymbol Stack, TagKeys Props, ISymbol? Scope, ISymbol? Holder)> _creations = new();

            private TagKeys For(ISymbol target) => _byTarget.GetOrAdd(target, _ => new TagKeys());

            public void OnInvocation(IInvocationOperation call, INamedTypeSymbol tags, INamedTypeSymbol stage, INamedTypeSymbol? app, CdkSymbols symbols)
            {
                // `base(scope, id, new StackProps { Tags = … })` in a stack's own constructor tags every instance.
                if (call.TargetMethod.MethodKind == MethodKind.Constructor && call.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorInitializerSyntax
                    && call.SemanticModel?.GetEnclosingSymbol(call.Syntax.SpanStart) is IMethodSymbol { ContainingType: { } self }
                    && CdkSymbols.InheritsFrom(self, symbols.Stack))
                {
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name == "props" && ConstructCreation.Unwrap(argument.Value) is not IParameterReferenceOperation and not null)
                        {
                            var view = PropsReader.Read(argument.Value, default);
                            if (view.ValueOf("Tags") is { } dictionary)
                            {
                                For(self).AddDictionary(dictionary);
                            }
                        }
                    }

                    return;
                }

                // `Tags.Of(target).Add(key, value)`
                if (call.TargetMethod.Name != "Add" || call.Arguments.Length < 2
                    || call.Instance is not IInvocationOperation { TargetMethod.Name: "Of" } of
                    || !SymbolEqualityComparer.Default.Equals(of.TargetMethod.ContainingType, tags) || of.Arguments.Length != 1)
                {
                    return;
                }

                var keys = Target(ConstructCreation.Unwrap(of.Arguments[0].Value), stage, app, symbols);
                if (Constant.TryGetString(call.Arguments[0].Value, out var key))
                {
                    keys.Add(key);
                }
                else
                {
                    keys.AddAny();
                }
            }

            /// <summary>The keys object a <c>Tags.Of(x)</c> call adds to.</summary>
            private TagKeys Target(IOperation? target, INamedTypeSymbol stage, INamedTypeSymbol? app, CdkSymbols symbols)
            {
                switch (target)
                {
                    case IInstanceReferenceOperation { Type: INamedTypeSymbol self }:
                        // `this` in a stack or a Stage subclass; in any other construct it tags that construct only.
                        return CdkSymbols.InheritsFrom(self, symbols.Stack) || CdkSymbols.InheritsFrom(self, stage) && !CdkSymbols.InheritsFrom(self, app)
                            ? For(self)
                            : new TagKeys();
                    case ILocalReferenceOperation local:
                        return CdkSymbols.InheritsFrom(local.Type, app) ? _app : For(local.Local);
                    case IFieldReferenceOperation field:
                        return CdkSymbols.InheritsFrom(field.Type, app) ? _app : For(field.Field);
                    default:
                        // An App parameter, or a scope the analyzer cannot place: count it for every stack rather than guess.
                        return _app;
                }
            }

            public void OnCreation(IObjectCreationOperation creation, CdkSymbols symbols, INamedTypeSymbol? nestedStack)
            {
                if (creation.Type is not INamedTypeSymbol type || !CdkSymbols.InheritsFrom(type, symbols.Stack) || CdkSymbols.InheritsFrom(type, nestedStack))
                {
                    return;
                }

                var props = new TagKeys();
                ISymbol? scope = null;
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        scope = ConstructCreation.Unwrap(argument.Value) switch
                        {
                            ILocalReferenceOperation l => l.Local,
                            IFieldReferenceOperation f => f.Field,
                            IInstanceReferenceOperation { Type: { } self } => self,
                            _ => null,
                        };
                    }
                    else if (argument.ArgumentKind != ArgumentKind.DefaultValue && IsStackProps(argument.Parameter?.Type))
                    {
                        var view = PropsReader.Read(argument.Value, default);
                        if (!view.IsComplete)
                        {
                            props.AddAny();
                        }
                        else
                        {
                            props.AddDictionary(view.ValueOf("Tags"));
                        }
                    }
                }

                var holder = OperationTree.HolderOf(creation);
                _creations.Add((type, props, scope, holder));
            }

            private static bool IsStackProps(ITypeSymbol? type)
                => type is not null && (type.Name == "IStackProps" || type.AllInterfaces.Any(i => i.Name == "IStackProps" && i.ContainingNamespace.ToDisplayString() == "Amazon.CDK"));

            public void Report(CompilationAnalysisContext context)
            {
                var stacks = Stacks.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList();

                // Grouped once: a lookup per stack over every creation made the end of a large app quadratic.
                var creationsByStack = new Dictionary<INamedTypeSymbol, List<(INamedTypeSymbol Stack, TagKeys Props, ISymbol? Scope, ISymbol? Holder)>>(SymbolEqualityComparer.Default);
                foreach (var creation in _creations)
                {
                    if (!creationsByStack.TryGetValue(creation.Stack, out var list))
                    {
                        creationsByStack[creation.Stack] = list = new();
                    }

                    list.Add(creation);
                }

                // The stacks that other stacks derive from.
                var basesOfOthers = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var other in stacks)
                {
                    for (var t = other; t is not null; t = t.BaseType)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, other))
                        {
                            basesOfOthers.Add(t.OriginalDefinition);
                        }
                    }
                }

                var noCreations = new List<(INamedTypeSymbol Stack, TagKeys Props, ISymbol? Scope, ISymbol? Holder)>();
                foreach (var stack in stacks)
                {
                    if (!stack.Locations.Any(l => l.IsInSource) || stack.Locations[0].SourceTree is not { } tree)
                    {
                        continue;
                    }

                    var required = RequiredTags(context.Options, tree);
                    var creations = creationsByStack.TryGetValue(stack, out var found) ? found : noCreations;
                    if (creations.Count == 0 && basesOfOthers.Contains(stack))
                    {
                        continue; // only a base class of other stacks: they are judged themselves
                    }

                    var missing = required.Where(key => !Covered(stack, key, creations)).ToList();
                    if (missing.Count > 0)
                    {
                        var properties = ImmutableDictionary<string, string?>.Empty.Add(MissingProperty, string.Join(",", missing));
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4001, stack.Locations[0], properties, stack.Name, string.Join(", ", missing)));
                    }
                }
            }

            private bool Covered(INamedTypeSymbol stack, string key, List<(INamedTypeSymbol Stack, TagKeys Props, ISymbol? Scope, ISymbol? Holder)> creations)
            {
                if (_app.Covers(key))
                {
                    return true;
                }

                for (var t = stack; t is not null; t = t.BaseType)
                {
                    if (_byTarget.TryGetValue(t, out var own) && own.Covers(key))
                    {
                        return true;
                    }
                }

                // Every creation must bring the key by its own route.
                return creations.Count > 0 && creations.All(c =>
                    c.Props.Covers(key)
                    || c.Scope is not null && _byTarget.TryGetValue(c.Scope, out var scoped) && scoped.Covers(key)
                    || c.Holder is not null && _byTarget.TryGetValue(c.Holder, out var held) && held.Covers(key));
            }

            private static List<string> RequiredTags(AnalyzerOptions options, SyntaxTree tree)
            {
                var text = CdkConfiguration.TryGetOption(options, tree, Descriptors.CDK4001.Id, OptionKeys.RequiredTags, out var value) ? value : DefaultRequiredTags;
                return text.Split(',').Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
            }
        }
    }
}

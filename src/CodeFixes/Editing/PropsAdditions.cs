using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>
    /// Adds `Name = value` settings to props objects for the "missing setting" fixes, in every props shape the analyzers
    /// read: an inline initializer, a local (its initializer), a private helper's returned object, `new XProps()` without
    /// an initializer, `null`, or no props argument at all (a new props object is passed).
    /// Additions are collected first and written once per target, so Fix All stays correct when several constructs share
    /// one props object (a helper that builds the props of three functions gets each setting once).
    /// </summary>
    internal sealed class PropsAdditions
    {
        private const int MaxDepth = 4;
        private readonly Dictionary<SyntaxNode, Target> _targets = new();

        /// <summary>
        /// Queues <paramref name="settings"/> for the props of <paramref name="creation"/>. False when the props object
        /// cannot be found in source (a parameter, a field, another file): then the fix is not offered.
        /// </summary>
        public bool TryAdd(ConstructCreation creation, CdkSymbols symbols, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings, CancellationToken cancellationToken)
        {
            if (creation.PropsArgument is null)
            {
                // No props passed: append `new XProps { … }` to the argument list.
                var argumentList = creation.Operation.Syntax switch
                {
                    BaseObjectCreationExpressionSyntax create => create.ArgumentList,
                    ConstructorInitializerSyntax initializer => initializer.ArgumentList,
                    _ => null,
                };
                if (argumentList is null || PropsClassName(creation, symbols) is not { } propsClass
                    || argumentList.Arguments.Any(a => a.NameColon is not null))
                {
                    return false;
                }

                Queue(argumentList, TargetKind.NewArgument, propsClass, settings);
                return true;
            }

            return TryAdd(creation.PropsArgument, PropsClassName(creation, symbols), settings, cancellationToken);
        }

        /// <summary>
        /// Queues a new props argument `new <paramref name="className"/> { … }` at the end of <paramref name="arguments"/>,
        /// named when <paramref name="parameterName"/> is given (optional parameters before it are left out).
        /// </summary>
        public void AddArgument(ArgumentListSyntax arguments, string className, string? parameterName, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings)
        {
            Queue(arguments, TargetKind.NewArgument, className, settings);
            _targets[arguments].ParameterName = parameterName;
        }

        /// <summary>Queues settings for the object <paramref name="value"/> evaluates to (a nested options object, say).</summary>
        public bool TryAdd(IOperation value, string? classNameForNull, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings, CancellationToken cancellationToken)
        {
            var target = FindObject(value, 0, cancellationToken);
            switch (target)
            {
                case BaseObjectCreationExpressionSyntax create:
                    Queue(create, TargetKind.Extend, null, settings);
                    return true;
                case LiteralExpressionSyntax or DefaultExpressionSyntax when classNameForNull is not null:
                    Queue(target, TargetKind.ReplaceNull, classNameForNull, settings);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Finds the object creation <paramref name="value"/> evaluates to, through locals and same-file helpers.</summary>
        public static SyntaxNode? FindObject(IOperation? value, int depth, CancellationToken cancellationToken)
        {
            value = ConstructCreation.Unwrap(value);
            if (value is null || depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IObjectCreationOperation creation:
                    return creation.Syntax as BaseObjectCreationExpressionSyntax;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                    return value.Syntax as ExpressionSyntax;
                case ILocalReferenceOperation local:
                    foreach (var op in OperationTree.Root(local).Descendants())
                    {
                        if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                        {
                            var init = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                            return FindObject(init, depth + 1, cancellationToken);
                        }
                    }

                    return null;
                case IInvocationOperation invocation:
                    return FindReturned(invocation, depth, cancellationToken);
                default:
                    return null;
            }
        }

        private static SyntaxNode? FindReturned(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
            => OperationTree.SingleReturn(invocation, cancellationToken) is { } single ? FindObject(single.ReturnedValue, depth + 1, cancellationToken) : null;

        /// <summary>`IBucketProps` → `Amazon.CDK.AWS.S3.BucketProps` (the class CDK ships beside its props interface).</summary>
        public static string? PropsClassName(ConstructCreation creation, CdkSymbols symbols)
        {
            if (creation.PropsParameter?.Type is not INamedTypeSymbol type)
            {
                return null;
            }

            if (type.TypeKind == TypeKind.Class)
            {
                return type.ToDisplayString();
            }

            var ns = type.ContainingNamespace.ToDisplayString();
            var name = type.Name.Length > 1 && type.Name[0] == 'I' ? type.Name.Substring(1) : type.Name;
            return symbols.Type(ns + "." + name) is { TypeKind: TypeKind.Class } cls && cls.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)
                ? ns + "." + name
                : null;
        }

        /// <summary>True when something has been queued.</summary>
        public bool HasWork => _targets.Count > 0;

        /// <summary>Writes every queued setting once per target.</summary>
        public void Apply(DocumentEditor editor)
        {
            foreach (var pair in _targets)
            {
                var target = pair.Value;
                switch (target.Kind)
                {
                    case TargetKind.Extend:
                        editor.ReplaceNode(pair.Key, (current, _) => Extend((BaseObjectCreationExpressionSyntax)current, target.Settings));
                        break;
                    case TargetKind.ReplaceNull:
                        editor.ReplaceNode(pair.Key, (current, _) => NewProps(target.ClassName!, target.Settings).WithTriviaFrom(current));
                        break;
                    case TargetKind.NewArgument:
                        editor.ReplaceNode(pair.Key, (current, _) =>
                        {
                            var list = (ArgumentListSyntax)current;
                            var argument = SyntaxFactory.Argument(NewProps(target.ClassName!, target.Settings));
                            if (target.ParameterName is { } parameter)
                            {
                                argument = argument.WithNameColon(SyntaxFactory.NameColon(parameter).WithTrailingTrivia(SyntaxFactory.Space));
                            }

                            return list.WithArguments(list.Arguments.Add(argument));
                        });
                        break;
                }
            }
        }

        private void Queue(SyntaxNode node, TargetKind kind, string? className, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings)
        {
            if (!_targets.TryGetValue(node, out var target))
            {
                _targets[node] = target = new Target(kind, className);
            }

            foreach (var setting in settings)
            {
                if (!target.Settings.Any(s => s.Name == setting.Name))
                {
                    target.Settings.Add(setting);
                }
            }
        }

        private static ExpressionSyntax NewProps(string className, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings)
        {
            var creation = SyntaxFactory.ObjectCreationExpression(PropsEditing.QualifiedType(className))
                .WithArgumentList(null)
                .WithInitializer(SingleLine(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression), settings));
            return creation.WithNewKeyword(creation.NewKeyword.WithTrailingTrivia(SyntaxFactory.Space))
                .WithType(creation.Type.WithTrailingTrivia(SyntaxFactory.Space));
        }

        /// <summary>Adds settings to an existing object creation, in the layout the initializer already has.</summary>
        private static SyntaxNode Extend(BaseObjectCreationExpressionSyntax creation, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings)
        {
            // Settings already present (added by the user or by another fix in this pass) are not written twice.
            var present = new HashSet<string>(
                (creation.Initializer?.Expressions ?? default).OfType<AssignmentExpressionSyntax>()
                    .Select(a => (a.Left as IdentifierNameSyntax)?.Identifier.ValueText ?? string.Empty));
            var missing = settings.Where(s => !present.Contains(s.Name)).ToList();
            if (missing.Count == 0)
            {
                return creation;
            }

            if (creation.Initializer is null)
            {
                var initializer = SingleLine(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression), missing);
                var trailing = creation.GetTrailingTrivia();
                if (creation is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitType)
                {
                    // `new BucketProps()` → `new BucketProps { X = y }`
                    return explicitType.WithArgumentList(null).WithType(explicitType.Type.WithTrailingTrivia(SyntaxFactory.Space))
                        .WithInitializer(initializer.WithTrailingTrivia(trailing));
                }

                return creation.WithoutTrailingTrivia()
                    .WithInitializer(initializer.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(trailing));
            }

            var init = creation.Initializer;
            var text = init.SyntaxTree.GetText();
            var multiLine = init.SyntaxTree is not null
                && text.Lines.GetLineFromPosition(init.OpenBraceToken.SpanStart).LineNumber != text.Lines.GetLineFromPosition(init.CloseBraceToken.SpanStart).LineNumber;
            return creation.WithInitializer(multiLine ? MultiLine(init, missing) : SingleLine(init, missing));
        }

        private static InitializerExpressionSyntax SingleLine(InitializerExpressionSyntax init, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings)
        {
            var items = new List<SyntaxNodeOrToken>(init.Expressions.GetWithSeparators());
            SyntaxTriviaList closing;
            if (items.Count == 0)
            {
                init = init.WithOpenBraceToken(init.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space));
                closing = SyntaxFactory.TriviaList(SyntaxFactory.Space);
            }
            else
            {
                var last = items[items.Count - 1];
                closing = last.GetTrailingTrivia();
                items[items.Count - 1] = last.WithTrailingTrivia();
                if (last.IsNode)
                {
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                }
                else
                {
                    items[items.Count - 1] = last.WithTrailingTrivia(SyntaxFactory.Space);
                }
            }

            for (var i = 0; i < settings.Count; i++)
            {
                var element = Assignment(settings[i]);
                if (i < settings.Count - 1)
                {
                    items.Add(element);
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                }
                else
                {
                    items.Add(element.WithTrailingTrivia(closing));
                }
            }

            return init.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }

        private static InitializerExpressionSyntax MultiLine(InitializerExpressionSyntax init, IReadOnlyList<(string Name, ExpressionSyntax Value)> settings)
        {
            var endOfLine = init.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (endOfLine == default)
            {
                endOfLine = init.OpenBraceToken.TrailingTrivia.Concat(init.CloseBraceToken.LeadingTrivia).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            }

            if (endOfLine == default)
            {
                endOfLine = SyntaxFactory.EndOfLine("\n");
            }

            var items = new List<SyntaxNodeOrToken>(init.Expressions.GetWithSeparators());
            SyntaxTriviaList indentation;
            if (init.Expressions.Count > 0)
            {
                var whitespace = init.Expressions[0].GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                indentation = whitespace == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(whitespace);
            }
            else
            {
                var braceIndent = init.CloseBraceToken.LeadingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
                indentation = SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(braceIndent + "    "));
            }

            // A user who ends with a trailing comma keeps one; otherwise the new last element has none.
            var trailingComma = items.Count > 0 && items[items.Count - 1].IsToken;
            SyntaxTriviaList lastTrailing = SyntaxFactory.TriviaList(endOfLine);
            if (items.Count > 0 && !trailingComma)
            {
                var last = items[items.Count - 1];
                lastTrailing = last.GetTrailingTrivia();
                items[items.Count - 1] = last.WithTrailingTrivia();
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(endOfLine));
            }

            for (var i = 0; i < settings.Count; i++)
            {
                var element = Assignment(settings[i]).WithLeadingTrivia(indentation);
                var isLast = i == settings.Count - 1;
                if (isLast && !trailingComma)
                {
                    items.Add(element.WithTrailingTrivia(lastTrailing));
                }
                else
                {
                    items.Add(element);
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(endOfLine));
                }
            }

            return init.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }

        private static AssignmentExpressionSyntax Assignment((string Name, ExpressionSyntax Value) setting)
            => SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(setting.Name).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                setting.Value.WithoutTrivia());

        private enum TargetKind
        {
            Extend,
            ReplaceNull,
            NewArgument,
        }

        private sealed class Target
        {
            public Target(TargetKind kind, string? className)
            {
                Kind = kind;
                ClassName = className;
            }

            public TargetKind Kind { get; }

            public string? ClassName { get; }

            public string? ParameterName { get; set; }

            public List<(string Name, ExpressionSyntax Value)> Settings { get; } = new();
        }
    }
}

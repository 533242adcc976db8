using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.ContainerWithoutLogsAnalyzer, CdkLint.CodeFixes.Rules.ContainerWithoutLogsFixer>;

namespace CdkLint.Tests.Rules
{
    public class ContainerWithoutLogsTests
    {
        private const string Usings = "using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.ECS;\nusing Amazon.CDK.AWS.ECS.Patterns;\n";

        [Theory, CdkVersions]
        public Task Containers_without_logging_get_aws_logs(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var task = new FargateTaskDefinition(this, "Task");
                        {|CDK4006:task.AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") })|};
                        {|CDK4006:new ContainerDefinition(this, "Sidecar", new ContainerDefinitionProps { TaskDefinition = task, Image = ContainerImage.FromRegistry("envoyproxy/envoy") })|};
            """),
            Code.StackWith(Usings, """
                        var task = new FargateTaskDefinition(this, "Task");
                        task.AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "Web", LogRetention = RetentionDays.ONE_MONTH }) });
                        new ContainerDefinition(this, "Sidecar", new ContainerDefinitionProps { TaskDefinition = task, Image = ContainerImage.FromRegistry("envoyproxy/envoy"), Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "Sidecar", LogRetention = RetentionDays.ONE_MONTH }) });
            """));

        [Theory, CdkVersions]
        public Task Options_shared_in_a_loop_get_a_prefix_per_container(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var task = new FargateTaskDefinition(this, "Task");
                        foreach (var worker in new[] { "Billing", "Mailing" })
                        {
                            var options = new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("app/" + worker.ToLowerInvariant()), Essential = false };
                            {|CDK4006:task.AddContainer(worker, options)|};
                        }
            """),
            Code.StackWith(Usings, """
                        var task = new FargateTaskDefinition(this, "Task");
                        foreach (var worker in new[] { "Billing", "Mailing" })
                        {
                            var options = new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("app/" + worker.ToLowerInvariant()), Essential = false };
                            options.Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = worker, LogRetention = RetentionDays.ONE_MONTH });
                            task.AddContainer(worker, options);
                        }
            """));

        [Theory, CdkVersions]
        public Task Patterns_that_turn_logging_off_without_a_driver_are_flagged_without_a_fix(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var imageOptions = new ApplicationLoadBalancedTaskImageOptions { Image = ContainerImage.FromRegistry("nginx"), EnableLogging = {|CDK4006:false|} };
                        new ApplicationLoadBalancedFargateService(this, "Site", new ApplicationLoadBalancedFargateServiceProps { TaskImageOptions = imageOptions });
            """),
            Code.StackWith(Usings, """
                        var imageOptions = new ApplicationLoadBalancedTaskImageOptions { Image = ContainerImage.FromRegistry("nginx"), EnableLogging = {|CDK4006:false|} };
                        new ApplicationLoadBalancedFargateService(this, "Site", new ApplicationLoadBalancedFargateServiceProps { TaskImageOptions = imageOptions });
            """));

        [Theory, CdkVersions]
        public Task Containers_with_any_logging_and_default_patterns_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var task = new Ec2TaskDefinition(this, "Task");
                        task.AddContainer("Logged", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), MemoryLimitMiB = 256, Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "logged" }) });
                        task.AddContainer("Syslog", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), MemoryLimitMiB = 256, Logging = new GenericLogDriver(new GenericLogDriverProps { LogDriver = "syslog" }) });
                        Add(task, new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                        new ApplicationLoadBalancedFargateService(this, "Site", new ApplicationLoadBalancedFargateServiceProps { TaskImageOptions = new ApplicationLoadBalancedTaskImageOptions { Image = ContainerImage.FromRegistry("nginx") } });
                        new ApplicationLoadBalancedFargateService(this, "Driven", new ApplicationLoadBalancedFargateServiceProps { TaskImageOptions = new ApplicationLoadBalancedTaskImageOptions { Image = ContainerImage.FromRegistry("nginx"), EnableLogging = false, LogDriver = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "driven" }) } });
            """, """
                    private static void Add(TaskDefinition task, ContainerDefinitionOptions options) => task.AddContainer("Helper", options);
            """));
    }
}

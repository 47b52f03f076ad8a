namespace TestPlugin.MissingDependency.Lib;

public abstract class BaseThing
{
}

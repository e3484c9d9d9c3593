from django.core.management.base import BaseCommand


class ChineseUsageCommand(BaseCommand):
    """A command whose argument errors are told in Chinese, followed by its ``usage`` line."""

    usage = ""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        argparse_error = parser.error

        def error(message):
            # argparse speaks English; say in Chinese that the arguments are wrong, keep its detail.
            argparse_error(f"参数有误({message})。{self.usage}")

        parser.error = error
        return parser

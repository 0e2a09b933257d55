"""This guide's own macros, next to chipwise's."""


def define_env(env):
    @env.macro
    def exam_code():
        return "AIF-C01"

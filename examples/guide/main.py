"""This guide's own macros, next to chipwise's (whose exam_code() names the exam, from the facts file)."""


def define_env(env):
    @env.macro
    def study_tip():
        return "Read each number with its source before you learn it."

// SPDX-FileCopyrightText: 2025 Shenzhen Maker Team <team@example.cn>
// SPDX-License-Identifier: CERN-OHL-S-2.0
wall = 2;
board = [50, 30, 12];

difference() {
    cube(board + [2 * wall, 2 * wall, wall]);
    translate([wall, wall, wall]) cube(board);
}

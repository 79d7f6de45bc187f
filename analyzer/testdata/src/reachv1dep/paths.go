package reachv1dep

import (
	"fmt"
	"strconv"

	"go.mongodb.org/mongo-driver/bson"
)

// Paths under a known field, computed by helpers (see reachv1).

func SeatPath(i int) string { return fmt.Sprintf("seats.%d.player", i) } // want SeatPath:`key "seats." \+ \.\.\.`

func SlotKey(i int) string { return "slots." + strconv.Itoa(i) } // want SlotKey:`key "slots." \+ \.\.\.`

func SeatStatus(i int, status string) []bson.E { // want SeatStatus:`helper \{seats: \$1\}`
	return []bson.E{{Key: SeatPath(i) + ".status", Value: status}}
}
